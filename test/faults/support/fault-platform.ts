import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role, TokensService } from '@app/accounts';
import { loadConfig } from '@app/core';
import { ApiClient, SmtpInbox } from '@app/simulation';
import { TcpProxy } from '../../support/tcp-proxy';
import { randomSiren, uniqueEmail } from '../../support/fixtures';
import { AppProcess } from './app-process';
import { freePort, OwnRedis } from './redis-server';

/**
 * What a fault scenario runs on: this run's database (read and seeded by the test directly), an SMTP server
 * in the test process, optionally a Redis server of its own and a TCP proxy in front of Postgres, and the built
 * API and worker as processes of their own, each with this scenario's queue prefix.
 */
export class FaultPlatform {
  readonly processes: AppProcess[] = [];
  readonly prefix = `${process.env.QUEUE_PREFIX}-${randomUUID().slice(0, 6)}`;
  private readonly tokens = new TokensService(new JwtService({ secret: loadConfig().JWT_SECRET }), loadConfig());

  private constructor(
    readonly db: DataSource,
    readonly inbox: SmtpInbox,
    readonly redis: OwnRedis | null,
    readonly proxy: TcpProxy | null,
  ) {}

  static async start(options: { ownRedis?: boolean; databaseProxy?: boolean } = {}): Promise<FaultPlatform> {
    const db = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { max: 4 } });
    await db.initialize();
    const url = new URL(process.env.DATABASE_URL!);
    return new FaultPlatform(
      db,
      await SmtpInbox.start(),
      options.ownRedis ? await OwnRedis.start() : null,
      options.databaseProxy ? await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) }) : null,
    );
  }

  /** The environment of the apps: this run's database (through the proxy if any), Redis, SMTP and queue prefix. */
  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const database = new URL(process.env.DATABASE_URL!);
    if (this.proxy) {
      database.hostname = '127.0.0.1';
      database.port = String(this.proxy.port);
    }
    return {
      NODE_ENV: 'test',
      DATABASE_URL: database.toString(),
      REDIS_URL: this.redis?.url ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      SMTP_URL: this.inbox.url,
      QUEUE_PREFIX: this.prefix,
      QUEUE_BACKOFF_MS: '50',
      LOG_LEVEL: 'info',
      PUBLIC_URL: 'http://palmares.test',
      ...extra,
    };
  }

  async startWorker(label: string, extra: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
    const worker = await AppProcess.start('worker', label, this.env(extra));
    this.processes.push(worker);
    return worker;
  }

  async startApi(label: string, extra: NodeJS.ProcessEnv = {}): Promise<{ process: AppProcess; client: ApiClient }> {
    const port = await freePort();
    const api = await AppProcess.start('api', label, this.env({ PORT: String(port), ...extra }));
    this.processes.push(api);
    return { process: api, client: new ApiClient(`http://127.0.0.1:${port}`) };
  }

  /** An access token for a user made elsewhere (in another database the API runs on). */
  accessToken(user: { id: string; role: Role; companyId: string | null }): string {
    return this.tokens.issueAccessToken(user);
  }

  /** A jury user made in SQL, and its access token. */
  async jury(): Promise<string> {
    const [user] = await this.db.query(`INSERT INTO app_user (email, password_hash, role, email_confirmed_at) VALUES ($1, 'x', 'JURY', now()) RETURNING id`, [
      uniqueEmail('jury'),
    ]);
    return this.tokens.issueAccessToken({ id: user.id, role: Role.Jury, companyId: null });
  }

  /** Companies with one confirmed user each, made in SQL, with their access tokens. */
  async companies(count: number): Promise<{ id: string; email: string; token: string }[]> {
    const made = [];
    for (let i = 0; i < count; i++) {
      const email = uniqueEmail('co');
      const [company] = await this.db.query(
        `INSERT INTO company (legal_name, siren, country, billing_address) VALUES ($1, $2, 'FR', '1 rue de la Paix, 75002 Paris') RETURNING id`,
        [`Entreprise ${randomUUID().slice(0, 6)}`, randomSiren()],
      );
      const [user] = await this.db.query(
        `INSERT INTO app_user (email, password_hash, role, company_id, email_confirmed_at) VALUES ($1, 'x', 'COMPANY', $2, now()) RETURNING id`,
        [email, company.id],
      );
      made.push({ id: company.id, email, token: this.tokens.issueAccessToken({ id: user.id, role: Role.Company, companyId: company.id }) });
    }
    return made;
  }

  async close(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()));
    // The next scenario's workers share this run's database: leave them no live edition to reconcile.
    await this.db.query(`UPDATE edition SET status = 'SCORING' WHERE status IN ('OPEN', 'CLOSED', 'TESTING')`);
    await this.proxy?.close();
    await this.redis?.stop();
    await this.inbox.close();
    await this.db.destroy();
  }
}
