import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** The worker: a Nest application context whose processors consume the queues. Tests use this too. */
export async function createWorker(): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // On SIGTERM/SIGINT the BullMQ workers close: in-flight jobs finish, the rest stay queued.
  app.enableShutdownHooks();
  return app;
}
