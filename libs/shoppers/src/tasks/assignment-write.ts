import { TaskStatus } from '../entities/task.entity';
import type { Query, RotationLimit } from './assignment-reads';

/** What one write of a plan did: the tasks it assigned, and the counters Postgres refused (room taken meanwhile). */
export interface WriteOutcome {
  assigned: string[];
  /** Shoppers of the plan found suspended (their tasks stay PENDING, to be planned again without them). */
  inactive: string[];
  /** A counter had no room left: the caller rolls the transaction back and plans again from the new loads. */
  refused: boolean;
}

/**
 * A plan (task → shopper) written by one statement, inside the caller's transaction, in this order:
 * 1. the plan's shoppers share-locked and kept only if not suspended (a suspension committing meanwhile waits for
 *    this transaction, then releases what it got);
 * 2. its tasks locked in id order by primary key, skipping any another worker holds (a task queued twice); a locked
 *    row reads as its latest committed version, so its status says whether it is still PENDING;
 * 3. those still PENDING assigned to the active shoppers;
 * 4. the week and company counters of what step 3 assigned incremented in key order (two batches lock counter
 *    rows in the same order: no deadlock), each increment conditional on the room left in the committed row:
 *    `assigned + n <= weekly_capacity` and `<= rotation limit`. A refused increment returns no row.
 * Counter locks come last, so they are held only for the end of the statement and the commit.
 */
export async function writePlan(query: Query, choice: Map<string, string>, limits: RotationLimit[]): Promise<WriteOutcome> {
  const taskIds = [...choice.keys()];
  const [row] = await query<{ assigned: string[]; inactive: string[]; weeks: number; weeks_counted: number; companies: number; companies_counted: number }>(
    `WITH plan AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS p(task_id, shopper_id)
     ), active AS MATERIALIZED (
       SELECT user_id, weekly_capacity FROM shopper
        WHERE user_id IN (SELECT shopper_id FROM plan) AND suspended_at IS NULL
        ORDER BY user_id FOR SHARE
     ), held AS MATERIALIZED (
       SELECT id, status FROM task WHERE id = ANY($1) ORDER BY id FOR UPDATE SKIP LOCKED
     ), assigned AS (
       UPDATE task t SET status = $7, shopper_id = p.shopper_id, assigned_at = now(), digest_sent_at = NULL
         FROM plan p
        WHERE t.id = p.task_id AND p.task_id IN (SELECT id FROM held WHERE status = $6) AND p.shopper_id IN (SELECT user_id FROM active)
       RETURNING t.id, t.shopper_id, t.week_start, t.company_id, t.edition_id
     ), limits AS (
       SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::int[]) AS r(company_id, edition_id, lim)
     ), week AS (
       INSERT INTO shopper_week_load AS l (shopper_id, week_start, assigned)
       SELECT a.shopper_id, a.week_start, count(*) FROM assigned a JOIN active s ON s.user_id = a.shopper_id
        GROUP BY a.shopper_id, a.week_start, s.weekly_capacity HAVING count(*) <= s.weekly_capacity
        ORDER BY 1, 2
       ON CONFLICT (shopper_id, week_start) DO UPDATE SET assigned = l.assigned + EXCLUDED.assigned
        WHERE l.assigned + EXCLUDED.assigned <= (SELECT weekly_capacity FROM active WHERE user_id = EXCLUDED.shopper_id)
       RETURNING 1
     ), company_counted AS (
       INSERT INTO shopper_company_load AS l (shopper_id, company_id, edition_id, assigned)
       SELECT a.shopper_id, a.company_id, a.edition_id, count(*) FROM assigned a JOIN limits r USING (company_id, edition_id)
        GROUP BY a.shopper_id, a.company_id, a.edition_id, r.lim HAVING count(*) <= r.lim
        ORDER BY 1, 2, 3
       ON CONFLICT (shopper_id, company_id, edition_id) DO UPDATE SET assigned = l.assigned + EXCLUDED.assigned
        WHERE l.assigned + EXCLUDED.assigned <= (SELECT r.lim FROM limits r WHERE r.company_id = EXCLUDED.company_id AND r.edition_id = EXCLUDED.edition_id)
       RETURNING 1
     )
     SELECT (SELECT coalesce(json_agg(id), '[]') FROM assigned) AS assigned,
            (SELECT coalesce(json_agg(DISTINCT shopper_id), '[]') FROM plan WHERE shopper_id NOT IN (SELECT user_id FROM active)) AS inactive,
            (SELECT count(DISTINCT (shopper_id, week_start)) FROM assigned)::int AS weeks,
            (SELECT count(*) FROM week)::int AS weeks_counted,
            (SELECT count(DISTINCT (shopper_id, company_id, edition_id)) FROM assigned)::int AS companies,
            (SELECT count(*) FROM company_counted)::int AS companies_counted`,
    [
      taskIds,
      taskIds.map((id) => choice.get(id)!),
      limits.map((l) => l.companyId),
      limits.map((l) => l.editionId),
      limits.map((l) => l.limit),
      TaskStatus.Pending,
      TaskStatus.Assigned,
    ],
  );
  return {
    assigned: row.assigned,
    inactive: row.inactive,
    refused: row.weeks_counted < row.weeks || row.companies_counted < row.companies,
  };
}
