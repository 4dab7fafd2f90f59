/**
 * Every stable error code the platform answers with, and what it means: docs/errors.md lists the same, and a
 * test keeps the two equal. A client branches on `code`, never on `message`.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'A field or the body breaks its rule (type, format, range); the message names the field and the rule.',
  UNAUTHENTICATED: 'No valid credentials: missing, malformed or expired token, or wrong e-mail or password.',
  FORBIDDEN: 'The caller is signed in but this is not theirs to see or do.',
  NOT_FOUND: 'The thing named does not exist, or is not visible to the caller.',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;
