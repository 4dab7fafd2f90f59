import type { EntityManager } from 'typeorm';

/** Postgres error codes the services turn into 4xx answers. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

function isViolation(code: string, error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; driverError?: { code?: string; constraint?: string }; constraint?: string };
  const name = e?.driverError?.constraint ?? e?.constraint;
  return (e?.driverError?.code ?? e?.code) === code && (constraint === undefined || name === constraint);
}

export const isUniqueViolation = (error: unknown, constraint?: string) => isViolation(PG_UNIQUE_VIOLATION, error, constraint);
export const isForeignKeyViolation = (error: unknown, constraint?: string) => isViolation(PG_FOREIGN_KEY_VIOLATION, error, constraint);

export type Tx = EntityManager;
