/** The Postgres error codes Palmares acts on, in one place. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
/** A REPEATABLE READ or SERIALIZABLE transaction met a concurrent change of a row it reads or locks. */
export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK_DETECTED = '40P01';

const codeOf = (error: unknown): string | undefined => {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.driverError?.code ?? e?.code;
};

function isViolation(code: string, error: unknown, constraint?: string): boolean {
  const e = error as { driverError?: { constraint?: string }; constraint?: string };
  const name = e?.driverError?.constraint ?? e?.constraint;
  return codeOf(error) === code && (constraint === undefined || name === constraint);
}

export const isUniqueViolation = (error: unknown, constraint?: string) => isViolation(PG_UNIQUE_VIOLATION, error, constraint);
export const isForeignKeyViolation = (error: unknown, constraint?: string) => isViolation(PG_FOREIGN_KEY_VIOLATION, error, constraint);
export const isSerializationFailure = (error: unknown) => codeOf(error) === PG_SERIALIZATION_FAILURE;
/** A conflict between concurrent transactions that running the transaction again resolves. */
export const isRetryableConflict = (error: unknown) => [PG_SERIALIZATION_FAILURE, PG_DEADLOCK_DETECTED].includes(codeOf(error) ?? '');
