/**
 * What other parts may read of the contest's tables, as relations their set-based SQL joins
 * (`JOIN (${EDITIONS_SQL}) x ON …`): the owner names the columns it publishes, so it may reshape its tables behind
 * them. Postgres inlines such a subquery, so the plan is the one of joining the table itself.
 * `scripts/check-table-owners.ts` (in `npm run lint`) fails when a lib names a table another lib owns.
 */

export const EDITIONS_SQL = `SELECT id, year, name, timezone, status, registration_opens_at, registration_deadline, payment_due_at, test_period_start,
       test_period_end, results_publish_at, results_frozen_at, created_at FROM edition`;

export const CATEGORIES_SQL = `SELECT id, edition_id, code, name, entry_fee_cents, licence_fee_cents, vat_rate_bp, quotas, weights, grids, scenarios,
       min_entries, award_threshold, status, cancelled_at, created_at FROM category`;

/**
 * The category `category` if it takes an entry at the instant `at` — the rule of `registrationWindow` (an OPEN
 * edition, `at` within its registration window) and a category not cancelled — as a query other parts guard their
 * writes with (`WHERE EXISTS (…)`), so a place read a moment ago is judged again against the live rows. The arguments
 * are placeholders (`$2`); `open` and `cancelled` take `EditionStatus.Open` and `CategoryStatus.Cancelled`.
 */
export function categoryTakingEntriesSql(p: { category: string; at: string; open: string; cancelled: string }): string {
  return `SELECT c.id FROM category c JOIN edition e ON e.id = c.edition_id
           WHERE c.id = ${p.category} AND c.status <> ${p.cancelled} AND e.status = ${p.open}
             AND ${p.at}::timestamptz >= e.registration_opens_at AND ${p.at}::timestamptz < e.registration_deadline`;
}
