import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorKind, UNAVAILABLE_MESSAGES, unavailableDependency, type ErrorCode } from '@app/core';

/** Seconds a client is asked to wait before retrying when a dependency is down. */
const RETRY_AFTER_SECONDS = 5;

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: ErrorCode;
}

/** The HTTP status of each kind of domain error. */
export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  [ErrorKind.Invalid]: HttpStatus.BAD_REQUEST,
  [ErrorKind.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorKind.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorKind.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorKind.Expired]: HttpStatus.GONE,
  [ErrorKind.Conflict]: HttpStatus.CONFLICT,
  [ErrorKind.Throttled]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorKind.Upstream]: HttpStatus.BAD_GATEWAY,
  [ErrorKind.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

/** The code of an error raised outside the domain (the HTTP layer, Fastify itself), from its status. */
const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'VALIDATION_FAILED',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'UNSUPPORTED_MEDIA_TYPE',
  [HttpStatus.TOO_MANY_REQUESTS]: 'TOO_MANY_REQUESTS',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
};

const body = (statusCode: number, message: string, code: ErrorCode): ErrorBody => ({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, code });
const INTERNAL = body(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error', 'INTERNAL_ERROR');

/**
 * One error shape for every answer that is not a success: `{ statusCode, error, message, code }`, with
 * `message` a sentence that names the rule broken and `code` a stable word for programs (docs/errors.md).
 * Domain errors map here, and only here, to their status. A dependency that is down (database, Redis) gives a
 * 503 that says so, with Retry-After; unknown errors become a bare 500 and are logged.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const down = unavailableDependency(exception);
    if (down) {
      this.logger.warn(`${down} unavailable: ${(exception as Error).message}`);
      void reply
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send(body(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGES[down], 'SERVICE_UNAVAILABLE'));
      return;
    }
    const answer = this.toBody(exception);
    if (answer.statusCode >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    void reply.status(answer.statusCode).send(answer);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) return body(STATUS_OF_KIND[exception.kind], exception.message, exception.code);
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : String(raw ?? exception.message);
      return withCodeOf(statusCode, message);
    }
    const status = (exception as { statusCode?: number })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Errors raised by Fastify itself (malformed JSON, body too large, unsupported media type).
      return withCodeOf(status, (exception as Error).message);
    }
    return INTERNAL;
  }
}

function withCodeOf(statusCode: number, message: string): ErrorBody {
  return body(statusCode, message, CODE_OF_STATUS[statusCode] ?? (statusCode >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED'));
}
