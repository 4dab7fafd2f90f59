import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE company (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        legal_name text NOT NULL,
        siren char(9) UNIQUE,
        foreign_registration_number text,
        vat_number text,
        country char(2) NOT NULL,
        billing_address text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT company_identified CHECK (siren IS NOT NULL OR foreign_registration_number IS NOT NULL)
      )`);
    await q.query(`CREATE TYPE user_role AS ENUM ('COMPANY', 'SHOPPER', 'JURY')`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        role user_role NOT NULL,
        company_id uuid REFERENCES company(id),
        name text,
        locale varchar(2) NOT NULL DEFAULT 'fr',
        email_confirmed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_email_lowercase CHECK (email = lower(email)),
        CONSTRAINT app_user_company_role CHECK ((role = 'COMPANY') = (company_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (email)`);
    await q.query(`CREATE INDEX app_user_company_idx ON app_user (company_id)`);
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template text NOT NULL,
        recipient text NOT NULL,
        locale varchar(2) NOT NULL DEFAULT 'fr',
        data jsonb NOT NULL DEFAULT '{}',
        attachments jsonb NOT NULL DEFAULT '[]',
        dedupe_key text,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX notification_dedupe_key ON notification (dedupe_key)`);
    await q.query(`CREATE INDEX notification_pending_idx ON notification (created_at) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TYPE user_role`);
    await q.query(`DROP TABLE company`);
  }
}
