/** A service the platform needs, named in a 503 answer when it is down. */
export type Dependency = 'database' | 'redis';

export const UNAVAILABLE_MESSAGES: Record<Dependency, string> = {
  database: 'the database is unavailable, try again shortly',
  redis: 'the queue and login store (Redis) is unavailable, try again shortly',
};

/** SQLSTATE codes that mean the database cannot serve now: connection lost, shutting down, too many clients, statement timeout. */
const DATABASE_DOWN_CODES = /^(08...|57P0[123]|53300|57014)$/;
const DATABASE_DOWN_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|^timeout expired$|Query read timeout|Client has encountered a connection error/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE']);
/** What ioredis says when a command cannot reach Redis (no offline queue, retries used up, connection closed, a cluster without its nodes). */
const REDIS_DOWN_MESSAGES =
  /Stream isn't writeable|Reached the max retries per request|Connection is closed|Command timed out|Cluster isn't ready|None of startup nodes is available|Failed to refresh slots cache|CLUSTERDOWN/;

/**
 * Which dependency an error says is down, or null for any other error. Redis is recognised by ioredis's own
 * messages; a bare network error comes from the database driver (ioredis never surfaces one to a command).
 */
export function unavailableDependency(error: unknown): Dependency | null {
  if (!(error instanceof Error)) return null;
  if (REDIS_DOWN_MESSAGES.test(error.message) || error.name === 'MaxRetriesPerRequestError') return 'redis';
  const driver = ((error as { driverError?: unknown }).driverError ?? error) as Error & { code?: string };
  if (typeof driver.code === 'string' && (DATABASE_DOWN_CODES.test(driver.code) || NETWORK_CODES.has(driver.code))) return 'database';
  return DATABASE_DOWN_MESSAGES.test(driver.message ?? '') ? 'database' : null;
}
