import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../../libs/core/src/database/typeorm-options';
import { ADMIN_DATABASE_URL, databaseUrlFor, newRunId } from './test-environment';

/** Creates this run's database, applies the migrations, and points every test at it. */
export default async function globalSetup(): Promise<void> {
  const runId = newRunId();
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE palmares_test_${runId}`);
  await admin.end();

  const databaseUrl = databaseUrlFor(runId);
  const dataSource = new DataSource(typeOrmOptions(databaseUrl));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  Object.assign(process.env, {
    NODE_ENV: 'test',
    TEST_RUN_ID: runId,
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: `palmares-test-${runId}`,
    QUEUE_BACKOFF_MS: '50',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    PUBLIC_URL: 'http://palmares.test',
    // Every test signs up from 127.0.0.1; the limit itself is tested on a platform of its own.
    EMAIL_ROUTE_LIMIT_PER_HOUR: '100000',
  });
}
