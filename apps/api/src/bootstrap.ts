import cookie from '@fastify/cookie';
import basicAuth from '@fastify/basic-auth';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardAdapter } from '@bull-board/fastify';
import helmet from 'helmet';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AccountsService } from '@app/accounts';
import { CategoriesService } from '@app/contest';
import { ALL_QUEUES, AppConfig, BODY_LIMIT, SectorQueues, createValidationPipe, installInputGuard, loadConfig, trustedProxies } from '@app/core';
import { HttpExceptionFilter } from './http/http-exception.filter';
import { AppModule } from './app.module';
import { openApiDocument, setRoutePrefix } from './openapi';
import { servePortal } from './web/serve-portal';

/** Builds the HTTP application exactly as production runs it (its entry point adds the drain on SIGTERM); tests use this too. */
export async function createApiApp(): Promise<NestFastifyApplication> {
  const proxies = trustedProxies(loadConfig());
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({
      // X-Forwarded-For names the client only when it comes from a configured proxy; otherwise the TCP peer is the client.
      trustProxy: proxies.length > 0 ? proxies : false,
      bodyLimit: BODY_LIMIT,
      // The request id comes from the caller's x-request-id or is made here; logs and the response carry it.
      requestIdHeader: 'x-request-id',
      genReqId: () => randomUUID(),
    }),
    {
      rawBody: true, // signed webhooks verify the exact bytes received
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  installInputGuard(app);
  setRoutePrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());

  await app.register(cookie);
  // Helmet's security headers, its middleware built once (@fastify/helmet builds it, policy parsing included, per request).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'", 'data:'],
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)))
    .addHook('onSend', async (request, reply) => {
      void reply.header('x-request-id', request.id);
    });
  await registerQueueDashboard(app);
  await servePortal(app, app.get(AppConfig).WEB_DIST_DIR);

  // Built on the first request to /docs, not at every start (it walks every route and DTO: part of the API's start-up).
  SwaggerModule.setup('docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'docs-json' });

  await app.get(AccountsService).ensureJuryFromEnvironment();
  return app;
}

/**
 * bull-board at /queues, behind HTTP basic auth with a jury account's e-mail and password. It shows the named
 * queues and the sector queues: each one as this process makes it, and, before each listing, one for every
 * sector of a live edition (the worker, not the API, makes most of them).
 */
async function registerQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const accounts = app.get(AccountsService);
  const categories = app.get(CategoriesService);
  const sectorQueues = app.get(SectorQueues);
  const serverAdapter = new BullBoardAdapter();
  serverAdapter.setBasePath('/queues');
  const board = createBullBoard({
    queues: ALL_QUEUES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
  });
  sectorQueues.onQueue((queue) => board.addQueue(new BullMQAdapter(queue)));
  await app.register(async (scope: FastifyInstance) => {
    await scope.register(basicAuth, {
      authenticate: { realm: 'Palmares jury' },
      validate: async (email: string, password: string, request: FastifyRequest) => {
        if (!(await accounts.verifyJuryCredentials(email, password, request.ip))) throw new Error('a jury e-mail and password are required');
      },
    });
    scope.addHook('onRequest', scope.basicAuth);
    scope.addHook('preHandler', async (request) => {
      if (request.url.startsWith('/queues/api/queues')) for (const code of await categories.liveSectorCodes()) sectorQueues.queueFor(code);
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: '/queues' });
  });
}
