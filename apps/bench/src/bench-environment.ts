import { Redis } from 'ioredis';
import { Pool, type PoolClient } from 'pg';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { loadConfig, typeOrmOptions, type AppConfig } from '@app/core';

/** A throw-away place for one benchmark run: its own database (migrated), queue prefix and SMTP sink. */
export interface BenchEnvironment {
  base: AppConfig;
  databaseUrl: string;
  queuePrefix: string;
  smtpUrl: string;
  /** What the SMTP sink received: messages per Message-ID (a message without one counts under ''). */
  received: Map<string, number>;
  /** Drops the database (unless BENCH_KEEP is set), deletes the run's Redis keys and stops the SMTP sink. */
  close(): Promise<void>;
}

export async function openBenchEnvironment(): Promise<BenchEnvironment> {
  const base = loadConfig();
  const runId = `bench_${Date.now()}`;
  const database = `palmares_${runId}`;
  const databaseUrl = Object.assign(new URL(base.DATABASE_URL), { pathname: `/${database}` }).toString();
  const queuePrefix = `palmares-${runId}`;
  const admin = new Pool({ connectionString: Object.assign(new URL(base.DATABASE_URL), { pathname: '/postgres' }).toString(), max: 1 });
  await admin.query(`CREATE DATABASE ${database}`);
  const received = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // A sink, not a mail server: no reverse DNS lookup of each connecting client.
    disableReverseLookup: true,
    onData: (stream, _session, callback) => {
      // Only the header block is kept: enough to count each message under its Message-ID.
      let head = '';
      stream
        .on('data', (chunk: Buffer) => {
          if (head.length < 8192 && !head.includes('\r\n\r\n')) head += chunk.toString('latin1');
        })
        .on('end', () => {
          const id = /^message-id:\s*(<[^>\r\n]+>)/im.exec(head.split('\r\n\r\n')[0])?.[1] ?? '';
          received.set(id, (received.get(id) ?? 0) + 1);
          callback();
        });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));

  const close = async () => {
    if (process.env.BENCH_KEEP) console.log(`kept database ${database} (BENCH_KEEP)`);
    else await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(base.REDIS_URL);
    const keys = await redis.keys(`${queuePrefix}*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    await redis.quit();
    smtp.close();
  };
  try {
    const dataSource = new DataSource(typeOrmOptions(databaseUrl));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
  } catch (error) {
    await close();
    throw error;
  }
  return { base, databaseUrl, queuePrefix, smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`, received, close };
}

/** Runs `work` in one transaction on a client of `pool`: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
