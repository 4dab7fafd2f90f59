/**
 * What other parts may read of the evaluations' tables, as relations their set-based SQL joins
 * (`JOIN (${EVALUATIONS_SQL}) x ON …`): the owner names the columns it publishes, so it may reshape its tables behind
 * them. Postgres inlines such a subquery, so the plan is the one of joining the table itself.
 * `scripts/check-table-owners.ts` (in `npm run lint`) fails when a lib names a table another lib owns.
 */

export const EVALUATIONS_SQL = `SELECT id, task_id, entry_id, category_id, shopper_id, channel, performed_at, answers, facts, comment, score, status,
       rejection_reason, reviewed_by, reviewed_at, submitted_at, weighted_points, inputs_hash FROM evaluation`;

/** The approved evaluations' points per entry, channel and criterion (kept by a trigger on `evaluation`). */
export const CRITERION_TALLIES_SQL = `SELECT entry_id, channel, criterion_key, points, answers FROM criterion_tally`;
