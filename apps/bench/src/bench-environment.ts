import { Pool, type PoolClient } from 'pg';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { createRedisClient, deleteKeys, loadConfig, typeOrmOptions, type AppConfig } from '@app/core';
import { RedisCluster } from './redis-cluster';

/**
 * A throw-away place for one benchmark run: its own database (migrated), queue prefix and SMTP sink, and with
 * `BENCH_REDIS=cluster` a 3-node Redis Cluster of its own on loopback (REDIS_CLUSTER_NODES for the run).
 */
export interface BenchEnvironment {
  base: AppConfig;
  databaseUrl: string;
  queuePrefix: string;
  smtpUrl: string;
  /** What the SMTP sink received: messages per Message-ID (a message without one counts under ''). */
  received: Map<string, number>;
  /** Drops the database (unless BENCH_KEEP is set), deletes the run's Redis keys (or stops its cluster) and stops the SMTP sink. */
  close(): Promise<void>;
}

export async function openBenchEnvironment(): Promise<BenchEnvironment> {
  const cluster = await startBenchRedis();
  const base = loadConfig();
  const runId = `bench_${Date.now()}`;
  const database = `palmares_${runId}`;
  const databaseUrl = Object.assign(new URL(base.DATABASE_URL), { pathname: `/${database}` }).toString();
  const queuePrefix = `palmares-${runId}`;
  const admin = new Pool({ connectionString: Object.assign(new URL(base.DATABASE_URL), { pathname: '/postgres' }).toString(), max: 1 });
  await admin.query(`CREATE DATABASE ${database}`).catch(async (error: unknown) => {
    await Promise.all([admin.end(), cluster?.stop()]);
    throw error;
  });
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
    const redis = createRedisClient(base);
    await deleteKeys(redis, `${queuePrefix}*`);
    await redis.quit();
    await cluster?.stop();
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

/** `BENCH_REDIS=cluster`: a Redis Cluster for this run, named to every process through REDIS_CLUSTER_NODES. */
async function startBenchRedis(): Promise<RedisCluster | null> {
  const kind = process.env.BENCH_REDIS ?? 'single';
  if (kind === 'single') return null;
  if (kind !== 'cluster') throw new Error(`BENCH_REDIS must be single or cluster, not ${kind}`);
  const cluster = await RedisCluster.start();
  process.env.REDIS_CLUSTER_NODES = cluster.nodes;
  console.log(`Redis Cluster of ${cluster.ports.length} primaries at ${cluster.nodes}`);
  return cluster;
}

/**
 * A pool on the run's database. `pool.end()` does not wait for its clients, and the teardown's
 * `DROP DATABASE … WITH (FORCE)` ends any still open: said, not thrown, once the figures are out.
 */
export function benchPool(databaseUrl: string, max: number): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max });
  pool.on('error', (error) => console.log(`after the run: ${error.message}`));
  return pool;
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
