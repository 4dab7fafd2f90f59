const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a text is a UUID (any version): an id that is not one names nothing, and is never sent to Postgres. */
export const isUuid = (value: string): boolean => UUID.test(value);
