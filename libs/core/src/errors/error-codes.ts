/**
 * Every stable error code the platform answers with, and what it means: docs/errors.md lists the same (a test
 * keeps the two equal). A client branches on `code`, never on `message`; the HTTP status comes with the kind
 * of error (docs/errors.md gives each code's status).
 */
export const ERROR_CODES = {
  // Any route
  VALIDATION_FAILED: 'A field, a parameter or the body breaks its rule (type, format, range); the message names it.',
  UNAUTHENTICATED: 'No valid access token: missing, malformed or expired.',
  FORBIDDEN: 'Signed in, but this role may not do this.',
  NOT_FOUND: 'The thing named (or the route) does not exist, or is not visible to the caller.',
  PAYLOAD_TOO_LARGE: 'The body is larger than 1 MiB.',
  UNSUPPORTED_MEDIA_TYPE: 'The body is not JSON.',
  TOO_MANY_REQUESTS: 'Too many requests: try again later.',
  INTERNAL_ERROR: 'An unexpected error; it is logged with the request id.',
  SERVICE_UNAVAILABLE: 'Postgres or Redis does not answer (the message says which); retry after the Retry-After seconds.',
  // Accounts
  INVALID_CREDENTIALS: 'Wrong e-mail or password.',
  TOO_MANY_FAILED_LOGINS: 'Too many failed logins for this account or address: wait for the time the message gives.',
  EMAIL_NOT_CONFIRMED: 'The account’s e-mail address is not confirmed yet.',
  EMAIL_ALREADY_CONFIRMED: 'The confirmation link was already used.',
  EMAIL_TAKEN: 'An account with this e-mail address already exists.',
  SIREN_TAKEN: 'A company with this SIREN is already registered.',
  TOKEN_INVALID: 'The confirmation or invitation token is invalid or has expired.',
  WRONG_PASSWORD: 'currentPassword is not the account’s password.',
  TOO_MANY_EMAILS: 'Too many e-mails of this kind to one address this hour.',
  SESSION_INVALID: 'No valid session: the refresh cookie is missing, unknown, ended or expired; log in.',
  SESSION_REUSED: 'A refresh token was used twice: every session of that login is ended; log in.',
  LINK_INVALID: 'The e-mailed link (password reset, invitation) is not valid.',
  LINK_ALREADY_USED: 'The e-mailed link was already used (a link works once).',
  LINK_EXPIRED: 'The e-mailed link has expired: ask for a new one.',
  CANNOT_REMOVE_SELF: 'A company user cannot remove themself.',
  COMPANY_NEEDS_A_USER: 'A company keeps at least one user.',
  // Contest
  EDITION_YEAR_TAKEN: 'There is already an edition for this year (one edition a year).',
  EDITION_NOT_DRAFT: 'Only a DRAFT edition can be opened.',
  EDITION_HAS_NO_CATEGORY: 'An edition needs a category before it opens.',
  CATEGORIES_CLOSED: 'Categories can be added only while the edition is DRAFT or OPEN.',
  CATEGORY_CODE_TAKEN: 'The edition already has a category with this code.',
  REGISTRATION_NOT_OPEN: 'Registration for the edition is not open (yet, or any more for a deadline extension).',
  REGISTRATION_CLOSED: 'The registration deadline has passed.',
  RESULTS_FROZEN: 'The edition’s results are frozen: its calendar can no longer change.',
  // Registration
  CATEGORY_CANCELLED: 'The category is cancelled and takes no entries.',
  ENTRY_ALREADY_EXISTS: 'The company already has a live entry in this category.',
  REGISTRATION_CHANGED: 'The category or its edition changed while the entry was being registered: try again.',
  ENTRY_NOT_WITHDRAWABLE: 'The entry’s status no longer allows a withdrawal.',
  WITHDRAWAL_CLOSED: 'An entry can be withdrawn only before the registration deadline.',
  // Billing
  INVOICE_ALREADY_PAID: 'The invoice is already paid (an invoice is paid once).',
  INVOICE_CREDITED: 'The invoice is cancelled by a credit note: it is not to be paid.',
  INVOICE_IS_CREDIT_NOTE: 'A credit note is neither paid nor credited.',
  PAYMENTS_NOT_CONFIGURED: 'Card payments or their webhooks are not configured on this platform.',
  PAYMENT_PROVIDER_FAILED: 'The payment provider could not open a checkout: try again later.',
  WEBHOOK_EVENT_INVALID: 'A signed payment-provider event whose shape cannot be used (no id, no object, wrong amounts...).',
  WEBHOOK_SIGNATURE_INVALID: 'A payment-provider webhook without a valid signature over its body.',
  // Shoppers and their tasks
  INVITATION_ALREADY_OPEN: 'An invitation for this e-mail address is already open.',
  INVITATION_ALREADY_ACCEPTED: 'The invitation was already accepted (an invitation link works once).',
  SHOPPER_ALREADY_IN_STATE: 'The shopper is already suspended (or already active).',
  TASK_NOT_ASSIGNED: 'Only a task assigned to the caller can be declined or evaluated.',
  TASK_NOT_EVALUABLE: 'The task can no longer be evaluated (its window has closed).',
  // Evaluations
  EVALUATION_ALREADY_SUBMITTED: 'The task already has an evaluation; it cannot be changed.',
  EVALUATION_ALREADY_REVIEWED: 'Only a submitted evaluation can be approved or rejected.',
  // Scoring and publication
  RANKINGS_NOT_AVAILABLE: 'Rankings exist from the test period on (TESTING, SCORING, PUBLISHED).',
  EDITION_NOT_SCORING: 'Results can be frozen or published only while the edition is SCORING (a correction once PUBLISHED).',
  RESULTS_BUSY: 'Another request is freezing or publishing the results: try again.',
  RESULTS_NOT_FROZEN: 'No results are frozen yet: freeze them before publishing.',
  RESULTS_NOT_YET_PUBLISHABLE: 'Results may be published only from the edition’s publication date.',
  LICENCE_UNPAID: 'The logo kit is available once the licence invoice is paid.',
  RESULTS_ALREADY_PUBLISHED: 'The latest frozen version is already published: freeze a correction to publish again.',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;
