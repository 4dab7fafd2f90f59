/**
 * What other parts may read of accounts' tables, as relations their set-based SQL joins
 * (`JOIN (${USERS_SQL}) x ON …`): the owner names the columns it publishes, so it may reshape its tables behind
 * them. Postgres inlines such a subquery, so the plan is the one of joining the table itself.
 * `scripts/check-table-owners.ts` (in `npm run lint`) fails when a lib names a table another lib owns.
 */

/** `app_user` without its password hash. */
export const USERS_SQL = `SELECT id, email, name, role, company_id, locale, email_confirmed_at, created_at FROM app_user`;

export const COMPANIES_SQL = `SELECT id, legal_name, siren, foreign_registration_number, vat_number, country, billing_address, created_at FROM company`;
