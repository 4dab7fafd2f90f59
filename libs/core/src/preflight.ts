import { Client } from 'pg';
import type { AppConfig } from './config/app-config';
import { createRedisClient, describeRedis } from './redis/redis-client';

/**
 * Checks that Postgres and Redis answer before Nest starts, so an unreachable service gives one line
 * that names it and how to start it, instead of a loop of stack traces.
 */
export async function checkServices(config: AppConfig): Promise<string[]> {
  const problems: string[] = [];
  const db = new Client({ connectionString: config.DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await db.connect();
    await db.query('SELECT 1');
  } catch (error) {
    problems.push(
      `Postgres is not reachable at ${redact(config.DATABASE_URL)} (${(error as Error).message}). ` +
        `Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, or docker compose up -d postgres.`,
    );
  } finally {
    await db.end().catch(() => undefined);
  }
  // A cluster client gives up after one round over its nodes, which a loaded machine's start-up can time out: three rounds.
  const rounds = config.REDIS_CLUSTER_NODES ? 3 : 1;
  let failure: Error | null = null;
  for (let round = 0; round < rounds && (round === 0 || failure); round++) failure = await pingRedis(config);
  if (failure)
    problems.push(
      `Redis is not reachable at ${describeRedis(config)} (${failure.message}). ` +
        (config.REDIS_CLUSTER_NODES
          ? `Start its nodes (see docs/operations.md), or unset REDIS_CLUSTER_NODES to use REDIS_URL.`
          : `Start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379, or docker compose up -d redis.`),
    );
  return problems;
}

/** Null when Redis answers a PING, else why not. */
async function pingRedis(config: AppConfig): Promise<Error | null> {
  const redis = createRedisClient(config, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return error as Error;
  } finally {
    redis.disconnect();
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
