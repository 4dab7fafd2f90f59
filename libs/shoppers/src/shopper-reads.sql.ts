/**
 * What other parts may read of the shoppers' tables, as relations their set-based SQL joins
 * (`JOIN (${TASKS_SQL}) x ON …`): the owner names the columns it publishes, so it may reshape its tables behind
 * them. Postgres inlines such a subquery, so the plan is the one of joining the table itself.
 * `scripts/check-table-owners.ts` (in `npm run lint`) fails when a lib names a table another lib owns.
 */

export const SHOPPERS_SQL = `SELECT user_id, name, sectors, weekly_capacity, suspended_at, created_at FROM shopper`;

export const TASKS_SQL = `SELECT id, edition_id, category_id, entry_id, company_id, channel, slot, contact_point, scenario, window_start, window_end,
       week_start, status, shopper_id, assigned_at, replaces_task_id, due_soon_notified_at, created_at, digest_sent_at FROM task`;
