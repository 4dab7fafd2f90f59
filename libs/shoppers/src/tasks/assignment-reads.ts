import { COMPANIES_SQL, USERS_SQL } from '@app/accounts';
import { CATEGORIES_SQL } from '@app/contest';
import { ENTRIES_SQL } from '@app/registration';
import type { PlanRules, PlanShopper, PlanTask } from './assignment-plan';
import { rotationLimitFor } from './rotation';
import { TaskStatus } from '../entities/task.entity';

/** Runs one statement on the batch's connection (outside any transaction: every read sees the committed state). */
export type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/** The PENDING tasks among `ids`, in id order, with what the planner needs of each. */
export function readPendingTasks(query: Query, ids: string[]): Promise<PlanTask[]> {
  // The ids first, by primary key: with statistics older than a bulk insert, the planner would otherwise walk
  // every PENDING entry of a status index for each batch.
  return query<PlanTask>(
    `WITH batch AS MATERIALIZED (SELECT * FROM task WHERE id = ANY($1))
     SELECT t.id, t.category_id AS "categoryId", c.code, t.edition_id AS "editionId", t.entry_id AS "entryId",
            t.company_id AS "companyId", t.week_start::text AS "weekStart"
       FROM batch t JOIN (${CATEGORIES_SQL}) c ON c.id = t.category_id
      WHERE t.status = $2
      ORDER BY t.id`,
    [ids, TaskStatus.Pending],
  );
}

/** A company's rotation limit in an edition, as the write statement re-checks it. */
export interface RotationLimit {
  companyId: string;
  editionId: string;
  limit: number;
}

/** What a batch's assignment does not change: rotation limits, conflicts by SIREN, companies' domains, refusals. */
export async function readRules(query: Query, tasks: PlanTask[]): Promise<PlanRules & { limits: RotationLimit[] }> {
  const companies = [...new Set(tasks.map((t) => t.companyId))];
  const editions = [...new Set(tasks.map((t) => t.editionId))];
  const counts = await query<{ companyId: string; editionId: string; n: number }>(
    `SELECT e.company_id AS "companyId", e.edition_id AS "editionId", count(t.id)::int AS n
       FROM (${ENTRIES_SQL}) e JOIN task t ON t.entry_id = e.id AND t.replaces_task_id IS NULL
      WHERE e.company_id = ANY($1) AND e.edition_id = ANY($2) GROUP BY 1, 2`,
    [companies, editions],
  );
  const conflicts = await query<{ companyId: string; shopperId: string }>(
    `SELECT c.id AS "companyId", sc.shopper_id AS "shopperId" FROM (${COMPANIES_SQL}) c JOIN shopper_conflict sc ON sc.siren = c.siren WHERE c.id = ANY($1)`,
    [companies],
  );
  const domains = await query<{ companyId: string; domain: string }>(
    `SELECT DISTINCT company_id AS "companyId", lower(split_part(email, '@', 2)) AS domain FROM (${USERS_SQL}) u WHERE company_id = ANY($1)`,
    [companies],
  );
  const refusals = await query<{ taskId: string; shopperId: string }>(
    `SELECT task_id AS "taskId", shopper_id AS "shopperId" FROM task_refusal WHERE task_id = ANY($1)`,
    [tasks.map((t) => t.id)],
  );
  const limits = counts.map((c) => ({ companyId: c.companyId, editionId: c.editionId, limit: rotationLimitFor(c.n) }));
  const limitOf = new Map(limits.map((l) => [`${l.companyId}/${l.editionId}`, l.limit]));
  const companyDomains = new Map<string, Set<string>>();
  for (const d of domains) (companyDomains.get(d.companyId) ?? companyDomains.set(d.companyId, new Set()).get(d.companyId)!).add(d.domain);
  return {
    limits,
    rotationLimit: (companyId, editionId) => limitOf.get(`${companyId}/${editionId}`) ?? 1,
    conflicts: new Set(conflicts.map((c) => `${c.shopperId}/${c.companyId}`)),
    companyDomains,
    refusals: new Set(refusals.map((r) => `${r.shopperId}/${r.taskId}`)),
  };
}

/** The active shoppers of the tasks' sectors and their committed loads: what a plan starts from. */
export async function readShopperPool(query: Query, tasks: PlanTask[]) {
  const codes = [...new Set(tasks.map((t) => t.code))];
  const shoppers = await query<PlanShopper>(
    `SELECT s.user_id AS id, s.weekly_capacity AS capacity, s.sectors, lower(split_part(u.email, '@', 2)) AS domain
       FROM shopper s JOIN (${USERS_SQL}) u ON u.id = s.user_id
      WHERE s.suspended_at IS NULL AND s.sectors && $1::text[]`,
    [codes],
  );
  const weekLoads = await query<{ shopperId: string; weekStart: string; assigned: number }>(
    `SELECT shopper_id AS "shopperId", week_start::text AS "weekStart", assigned FROM shopper_week_load WHERE shopper_id = ANY($1) AND assigned > 0`,
    [shoppers.map((s) => s.id)],
  );
  // By the shoppers first: the primary key's leading column.
  const companyLoads = await query<{ shopperId: string; companyId: string; editionId: string; assigned: number }>(
    `SELECT shopper_id AS "shopperId", company_id AS "companyId", edition_id AS "editionId", assigned
       FROM shopper_company_load WHERE shopper_id = ANY($1) AND company_id = ANY($2) AND edition_id = ANY($3) AND assigned > 0`,
    [shoppers.map((s) => s.id), [...new Set(tasks.map((t) => t.companyId))], [...new Set(tasks.map((t) => t.editionId))]],
  );
  return { shoppers, weekLoads, companyLoads };
}
