import type { ValueTransformer } from 'typeorm';

/** Postgres `numeric` comes back as a string; scores and thresholds are numbers in the code. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
