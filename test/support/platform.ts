import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { ApiClient, SmtpInbox } from '@app/simulation';

export { ApiClient, type ApiResponse } from '@app/simulation';

/**
 * The platform as a test sees it: the real API (and optionally the worker) against this run's database,
 * Redis prefix and an in-process SMTP server.
 */
export class TestPlatform {
  api!: NestFastifyApplication;
  client!: ApiClient;
  worker: INestApplicationContext | null = null;
  inbox!: SmtpInbox;

  /** `env` is this platform's own configuration on top of the run's (restored once the API is built). */
  static async start(options: { worker?: boolean; port?: number; env?: Record<string, string> } = {}): Promise<TestPlatform> {
    const platform = new TestPlatform();
    platform.inbox = await SmtpInbox.start();
    process.env.SMTP_URL = platform.inbox.url;
    platform.api = await withEnvironment(options.env ?? {}, createApiApp);
    await platform.api.listen({ port: options.port ?? 0, host: '127.0.0.1' });
    platform.client = new ApiClient(await platform.api.getUrl());
    if (options.worker ?? true) await platform.startWorker();
    return platform;
  }

  get dataSource(): DataSource {
    return this.api.get(DataSource);
  }

  async startWorker(): Promise<void> {
    this.worker = await createWorker();
    await this.worker.init();
  }

  async stopWorker(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
  }

  async close(): Promise<void> {
    await this.stopWorker();
    await this.api?.close();
    await this.inbox?.close();
  }
}

async function withEnvironment<T>(env: Record<string, string>, build: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    return await build();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
