import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { SmtpInbox } from './smtp-inbox';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A real HTTP client against the listening API; `ip` is sent as X-Forwarded-For (the API trusts its proxy). */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string>; ip?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.ip) headers['x-forwarded-for'] = options.ip;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.baseUrl + url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const type = response.headers.get('content-type') ?? '';
    const body = type.includes('json') ? await response.json() : type.includes('pdf') ? Buffer.from(await response.arrayBuffer()) : await response.text();
    return { status: response.status, body: body as T, headers: Object.fromEntries(response.headers) };
  }

  get<T = any>(url: string, token?: string) {
    return this.request<T>('GET', url, { token });
  }

  post<T = any>(url: string, body?: unknown, token?: string) {
    return this.request<T>('POST', url, { body: body ?? {}, token });
  }
}

/**
 * The platform as a test sees it: the real API (and optionally the worker) against this run's database,
 * Redis prefix and an in-process SMTP server.
 */
export class TestPlatform {
  api!: NestFastifyApplication;
  client!: ApiClient;
  worker: INestApplicationContext | null = null;
  inbox!: SmtpInbox;

  static async start(options: { worker?: boolean } = {}): Promise<TestPlatform> {
    const platform = new TestPlatform();
    platform.inbox = await SmtpInbox.start();
    process.env.SMTP_URL = platform.inbox.url;
    platform.api = await createApiApp();
    await platform.api.listen({ port: 0, host: '127.0.0.1' });
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
