/**
 * What other parts may read of registration's table, as relations their set-based SQL joins
 * (`JOIN (${ENTRIES_SQL}) x ON …`): the owner names the columns it publishes, so it may reshape its tables behind
 * them. Postgres inlines such a subquery, so the plan is the one of joining the table itself.
 * `scripts/check-table-owners.ts` (in `npm run lint`) fails when a lib names a table another lib owns.
 */

export const ENTRIES_SQL = `SELECT id, edition_id, category_id, company_id, status, contact_points, exclusion_reason, created_at, confirmed_at,
       withdrawn_at, excluded_at FROM entry`;
