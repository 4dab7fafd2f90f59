/**
 * The SQL of a CHECK that a column holds one of a set of words, written from the TypeScript constants that
 * name them, so an entity's check and its status type cannot drift apart.
 */
export function oneOf(column: string, values: readonly string[]): string {
  return `${column} IN (${values.map((value) => `'${value}'`).join(', ')})`;
}
