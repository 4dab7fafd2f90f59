import type { EntityManager } from 'typeorm';

/** A task leaving a shopper: what its load counters are keyed by. */
export interface LoadRow {
  id: string;
  shopper_id: string;
  week_start: string;
  company_id: string;
  edition_id: string;
}

/**
 * The `RETURNING` list that gives a {@link LoadRow} from `task`; `shopperId` is the SQL of the shopper who held
 * the task (a parameter when the UPDATE clears `shopper_id`, since RETURNING sees the new row).
 */
export const loadColumns = (shopperId = 'shopper_id') => `id, ${shopperId} AS shopper_id, week_start::text AS week_start, company_id, edition_id`;

/** Frees the week and company load of each task a shopper no longer holds (counter rows locked in key order). */
export async function decrementLoads(tx: EntityManager, rows: LoadRow[]): Promise<void> {
  if (rows.length === 0) return;
  const week = new Map<string, number>();
  const company = new Map<string, number>();
  for (const r of rows) {
    week.set(`${r.shopper_id}|${r.week_start}`, (week.get(`${r.shopper_id}|${r.week_start}`) ?? 0) + 1);
    company.set(`${r.shopper_id}|${r.company_id}|${r.edition_id}`, (company.get(`${r.shopper_id}|${r.company_id}|${r.edition_id}`) ?? 0) + 1);
  }
  const wk = [...week.keys()].sort();
  await tx.query(
    `UPDATE shopper_week_load l SET assigned = GREATEST(l.assigned - v.n, 0)
       FROM unnest($1::uuid[], $2::date[], $3::int[]) AS v(s, w, n) WHERE l.shopper_id = v.s AND l.week_start = v.w`,
    [wk.map((k) => k.split('|')[0]), wk.map((k) => k.split('|')[1]), wk.map((k) => week.get(k)!)],
  );
  const ck = [...company.keys()].sort();
  await tx.query(
    `UPDATE shopper_company_load l SET assigned = GREATEST(l.assigned - v.n, 0)
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[]) AS v(s, c, e, n)
      WHERE l.shopper_id = v.s AND l.company_id = v.c AND l.edition_id = v.e`,
    [ck.map((k) => k.split('|')[0]), ck.map((k) => k.split('|')[1]), ck.map((k) => k.split('|')[2]), ck.map((k) => company.get(k)!)],
  );
}
