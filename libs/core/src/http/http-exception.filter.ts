import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';
import { UNAVAILABLE_MESSAGES, unavailableDependency } from './unavailable';

/** Seconds a client is asked to wait before retrying when a dependency is down. */
const RETRY_AFTER_SECONDS = 5;

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

/**
 * One error shape for every answer that is not a success: `{ statusCode, error, message }`,
 * with `message` a sentence that names the rule broken. A dependency that is down (database, Redis) gives a 503
 * that says so, with Retry-After; unknown errors become a bare 500 and are logged.
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
        .send({ statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: STATUS_CODES[HttpStatus.SERVICE_UNAVAILABLE], message: UNAVAILABLE_MESSAGES[down] });
      return;
    }
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : String(raw ?? exception.message);
      return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
    }
    const status = (exception as { statusCode?: number })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Errors raised by Fastify itself (malformed JSON, body too large, unsupported media type).
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: (exception as Error).message };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: 'Internal server error' };
  }
}
