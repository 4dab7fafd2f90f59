import type { DataSource } from 'typeorm';

/**
 * The database's state in one figure per table: its row count and the sum of a hash of every row, so an
 * insert, a delete or an update of any column shows. Cheap enough to take around every request of a test.
 */
export async function stateChecksum(dataSource: DataSource): Promise<Map<string, string>> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`,
  );
  const rows: { name: string; figure: string }[] = await dataSource.query(
    tables
      .map((t) => `SELECT '${t.name}' AS name, count(*) || ':' || coalesce(sum(hashtext(r::text)::bigint), 0) AS figure FROM ${t.name} r`)
      .join(' UNION ALL '),
  );
  return new Map(rows.map((r) => [r.name, r.figure]));
}

/** The tables whose figure differs between two checksums. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
}
