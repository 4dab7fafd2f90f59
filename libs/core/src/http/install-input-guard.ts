import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { assertCleanInput } from './input-guard';
import { parseJsonBody } from './json-body';

/** The largest request body accepted (1 MiB): a category with its grids and scenario bank is far below it. */
export const BODY_LIMIT = 1_048_576;

/**
 * The one input layer in front of every route, present and future: JSON bodies are size- and depth-limited
 * before they are parsed (the raw bytes are kept for signed webhooks), and every body, query and path parameter
 * passes {@link assertCleanInput} before a guard, pipe or handler sees it. Call before the app is initialised.
 */
export function installInputGuard(app: NestFastifyApplication): void {
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, parseJsonBody(body)));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', async (request: FastifyRequest) => {
      assertCleanInput(request.params, '');
      assertCleanInput(request.query, '');
      assertCleanInput(request.body, '');
    });
}
