import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the portal's sessions and e-mail links need:
 * - `refresh_token`: one row per refresh token handed out, grouped in families (one per login). Only the
 *   SHA-256 of the token is stored; a token is rotated once (`rotated_at`), and a family is revoked at
 *   logout or when a rotated token is presented again (a stolen copy).
 * - `account_link`: single-use links sent by e-mail (password reset, colleague invitation), stored by hash,
 *   with their expiry and the instant they were used.
 */
export class PortalAccounts1764800000000 implements MigrationInterface {
  name = 'PortalAccounts1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        family_expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX refresh_token_hash_key ON refresh_token (token_hash)`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX refresh_token_user_idx ON refresh_token (user_id)`);

    await q.query(`CREATE TYPE account_link_purpose AS ENUM ('PASSWORD_RESET', 'COLLEAGUE_INVITATION')`);
    await q.query(`
      CREATE TABLE account_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        purpose account_link_purpose NOT NULL,
        token_hash bytea NOT NULL,
        email text NOT NULL CHECK (email = lower(email)),
        user_id uuid REFERENCES app_user(id) ON DELETE CASCADE,
        company_id uuid REFERENCES company(id) ON DELETE CASCADE,
        locale varchar(2) NOT NULL DEFAULT 'fr',
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT account_link_subject CHECK (
          (purpose = 'PASSWORD_RESET' AND user_id IS NOT NULL) OR (purpose = 'COLLEAGUE_INVITATION' AND company_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX account_link_hash_key ON account_link (token_hash)`);
    await q.query(`CREATE INDEX account_link_user_idx ON account_link (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_link`);
    await q.query(`DROP TYPE account_link_purpose`);
    await q.query(`DROP TABLE refresh_token`);
  }
}
