/**
 * The contact-point rules as plain patterns and bounds, without decorators, so the web portal checks
 * each contact point as it is typed with the rules the API applies. E-mail and web addresses are
 * checked by validator.js on both sides (class-validator's `IsEmail` and `IsUrl` call it).
 */
export const MAX_CONTACT_POINTS_PER_CHANNEL = 20;
export const PHONE_PATTERN = /^\+?[0-9 .()-]{6,25}$/;
export const URL_OPTIONS = { require_protocol: true } as const;
export const CHAT_LENGTH = { min: 3, max: 300 } as const;
export const SOCIAL_LENGTH = { min: 2, max: 300 } as const;
