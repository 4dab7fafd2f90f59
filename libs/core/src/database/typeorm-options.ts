import { Client, type ClientConfig } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';

/**
 * The one set of TypeORM options the API, the worker, the CLI and the tests share.
 * Migrations are listed as classes (not globs) so they survive bundling.
 */
export function typeOrmOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: { max: 20 },
  };
}

/**
 * The apps' limits on the database (not the migrations' nor the benchmarks' seeding): opening a connection fails
 * after DATABASE_CONNECT_TIMEOUT_MS; Postgres cancels a statement after DATABASE_STATEMENT_TIMEOUT_MS, and the client
 * gives up a second later when the server cannot even say so (a network partition). Waiting for a free connection
 * of the pool is bounded by the statement timeout, not the connect one: in a registration rush requests queue for
 * the pool for seconds, which is normal. Either way a request answers 503 instead of hanging.
 */
export function databaseTimeouts(config: Pick<AppConfig, 'DATABASE_CONNECT_TIMEOUT_MS' | 'DATABASE_STATEMENT_TIMEOUT_MS'>) {
  const connectTimeoutMs = config.DATABASE_CONNECT_TIMEOUT_MS;
  return {
    // The pool's own timeout is its wait for a free connection; each new connection has the shorter connect timeout.
    connectionTimeoutMillis: config.DATABASE_STATEMENT_TIMEOUT_MS,
    Client: class extends Client {
      constructor(options: ClientConfig) {
        super({ ...options, connectionTimeoutMillis: connectTimeoutMs });
      }
    },
    statement_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS,
    query_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS + 1000,
    keepAlive: true,
  };
}

/** The pool of an app's data source (the primary's, and a read replica's): the timeouts above and DATABASE_POOL_SIZE connections. */
export function appPool(config: Pick<AppConfig, 'DATABASE_CONNECT_TIMEOUT_MS' | 'DATABASE_STATEMENT_TIMEOUT_MS' | 'DATABASE_POOL_SIZE'>) {
  return { ...databaseTimeouts(config), max: config.DATABASE_POOL_SIZE };
}
