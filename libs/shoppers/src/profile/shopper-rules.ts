/** The limits of a shopper's profile, shared by the API's checks at the door and the services. */

/** A sector is a category code (the same slug as `category.code`). */
export const SECTOR_CODE = /^[a-z0-9-]{2,40}$/;
export const MAX_SECTORS = 20;
export const MIN_WEEKLY_CAPACITY = 1;
export const MAX_WEEKLY_CAPACITY = 200;
export const MAX_CONFLICTS = 200;
