import type { ErrorCode } from './error-codes';

/**
 * What a domain error says about the request, whatever carries it (HTTP, a job): the API's filter maps a
 * kind to a status, a job processor decides from it whether retrying can help.
 */
export const ErrorKind = {
  /** The input breaks a rule by itself (a field, a combination). */
  Invalid: 'INVALID',
  /** No valid credentials. */
  Unauthenticated: 'UNAUTHENTICATED',
  /** Valid credentials, but not this caller's business. */
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  /** It existed, but is no longer valid (an expired link). */
  Expired: 'EXPIRED',
  /** The input is fine, but the current state forbids it (deadline passed, already paid...). */
  Conflict: 'CONFLICT',
  /** Too many attempts; try later. */
  Throttled: 'THROTTLED',
  /** A service the platform relies on (the payment provider) did not answer as it should; may pass later. */
  Upstream: 'UPSTREAM',
  /** Something the platform needs is not set up or not reachable; may pass later. */
  Unavailable: 'UNAVAILABLE',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

/**
 * A rule of the domain, broken: what libs throw instead of HTTP exceptions. `code` is stable and listed in
 * docs/errors.md; `message` is the sentence that names the rule.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** Whether the very same request could pass later (a retry may help); a broken rule never does. */
  get transient(): boolean {
    return this.kind === ErrorKind.Throttled || this.kind === ErrorKind.Upstream || this.kind === ErrorKind.Unavailable;
  }
}

/** The base of a kind of error whose code may be left out: the kind's general code stands in for it. */
function withDefaultCode(kind: ErrorKind, defaultCode: ErrorCode) {
  return class extends DomainError {
    readonly kind = kind;
    constructor(message: string, code: ErrorCode = defaultCode) {
      super(message, code);
    }
  };
}

export class InvalidError extends withDefaultCode(ErrorKind.Invalid, 'VALIDATION_FAILED') {}
export class UnauthenticatedError extends withDefaultCode(ErrorKind.Unauthenticated, 'UNAUTHENTICATED') {}
export class ForbiddenError extends withDefaultCode(ErrorKind.Forbidden, 'FORBIDDEN') {}
export class NotFoundError extends withDefaultCode(ErrorKind.NotFound, 'NOT_FOUND') {}

export class ExpiredError extends DomainError {
  readonly kind = ErrorKind.Expired;
}

/** The state forbids it: always with the code of the rule (`REGISTRATION_CLOSED`, `INVOICE_ALREADY_PAID`...). */
export class ConflictError extends DomainError {
  readonly kind = ErrorKind.Conflict;
}

export class ThrottledError extends DomainError {
  readonly kind = ErrorKind.Throttled;
}

export class UpstreamError extends DomainError {
  readonly kind = ErrorKind.Upstream;
}

export class UnavailableError extends DomainError {
  readonly kind = ErrorKind.Unavailable;
}
