import { Client } from 'pg';
import { createRedisClient, deleteKeys } from '../../libs/core/src/redis/redis-client';
import { ADMIN_DATABASE_URL } from './test-environment';

/** Drops this run's database and deletes its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.TEST_RUN_ID;
  if (!runId) return;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS palmares_test_${runId} WITH (FORCE)`);
  await admin.end();

  const redis = createRedisClient({ REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_CLUSTER_NODES: process.env.REDIS_CLUSTER_NODES ?? '' });
  await deleteKeys(redis, `palmares-test-${runId}*`);
  await redis.quit();
}
