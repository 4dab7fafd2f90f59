import { randomBytes } from 'node:crypto';

/**
 * Every test run gets its own database and queue prefix, so runs never see each other
 * (two developers, or CI and a developer, on one Postgres and one Redis).
 */
export const ADMIN_DATABASE_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function newRunId(): string {
  return `${process.pid}_${randomBytes(4).toString('hex')}`;
}

export function databaseUrlFor(runId: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/palmares_test_${runId}`;
  return url.toString();
}
