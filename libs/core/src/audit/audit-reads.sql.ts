/**
 * What other parts may read of the audit log, as relations their set-based SQL joins
 * (`JOIN (${AUDIT_LOG_SQL}) x ON …`): the owner names the columns it publishes, so it may reshape its tables behind
 * them. Postgres inlines such a subquery, so the plan is the one of joining the table itself.
 * `scripts/check-table-owners.ts` (in `npm run lint`) fails when a lib names a table another lib owns.
 */

export const AUDIT_LOG_SQL = `SELECT id, actor_id, action, subject_type, subject_id, details, created_at FROM audit_log`;
