import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Editions, categories, entries, invoices and credit notes, payments, and the jury's audit log. */
export class SeasonOpening1764100000000 implements MigrationInterface {
  name = 'SeasonOpening1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE edition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year int NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
        name text NOT NULL,
        timezone text NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'TESTING', 'SCORING', 'PUBLISHED')),
        registration_opens_at timestamptz NOT NULL,
        registration_deadline timestamptz NOT NULL,
        payment_due_at timestamptz NOT NULL,
        test_period_start timestamptz NOT NULL,
        test_period_end timestamptz NOT NULL,
        results_publish_at timestamptz NOT NULL,
        results_frozen_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT edition_calendar_order CHECK (
          registration_opens_at < registration_deadline AND registration_deadline <= payment_due_at
          AND payment_due_at <= test_period_start AND test_period_start < test_period_end AND test_period_end <= results_publish_at)
      )`);
    await q.query(`
      CREATE TABLE category (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES edition(id),
        code text NOT NULL,
        name text NOT NULL,
        entry_fee_cents int NOT NULL CHECK (entry_fee_cents >= 0),
        licence_fee_cents int NOT NULL CHECK (licence_fee_cents >= 0),
        vat_rate_bp int NOT NULL DEFAULT 2000 CHECK (vat_rate_bp BETWEEN 0 AND 10000),
        quotas jsonb NOT NULL,
        weights jsonb NOT NULL,
        grids jsonb NOT NULL,
        scenarios jsonb NOT NULL,
        min_entries int NOT NULL DEFAULT 3 CHECK (min_entries >= 1),
        award_threshold numeric(4, 2) NOT NULL DEFAULT 12 CHECK (award_threshold BETWEEN 0 AND 20),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'CANCELLED')),
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT category_code_per_edition UNIQUE (edition_id, code)
      )`);
    await q.query(`
      CREATE TABLE entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES edition(id),
        category_id uuid NOT NULL REFERENCES category(id),
        company_id uuid NOT NULL REFERENCES company(id),
        status text NOT NULL DEFAULT 'PENDING_PAYMENT'
          CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'IN_TEST', 'RANKED', 'WITHDRAWN', 'EXCLUDED')),
        contact_points jsonb NOT NULL,
        exclusion_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        withdrawn_at timestamptz,
        excluded_at timestamptz
      )`);
    // One live entry per company and category; a withdrawn entry does not block a new one.
    await q.query(`CREATE UNIQUE INDEX entry_one_per_company_category ON entry (category_id, company_id) WHERE status <> 'WITHDRAWN'`);
    await q.query(`CREATE INDEX entry_edition_status_idx ON entry (edition_id, status)`);
    await q.query(`CREATE INDEX entry_company_idx ON entry (company_id)`);

    // The gapless numbering: one counter row per edition, incremented in the invoice's own transaction.
    await q.query(`CREATE TABLE invoice_counter (edition_id uuid PRIMARY KEY REFERENCES edition(id), last_number int NOT NULL DEFAULT 0)`);
    await q.query(`
      CREATE TABLE invoice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES edition(id),
        company_id uuid NOT NULL REFERENCES company(id),
        entry_id uuid REFERENCES entry(id),
        kind text NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
        purpose text NOT NULL CHECK (purpose IN ('ENTRY_FEE', 'LICENCE')),
        sequence int NOT NULL,
        number text NOT NULL UNIQUE,
        credited_invoice_id uuid REFERENCES invoice(id),
        description text NOT NULL,
        amount_excl_vat_cents int NOT NULL,
        vat_rate_bp int NOT NULL,
        vat_cents int NOT NULL,
        total_cents int NOT NULL,
        reverse_charge boolean NOT NULL,
        buyer jsonb NOT NULL,
        reason text,
        issued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT invoice_sequence_per_edition UNIQUE (edition_id, sequence),
        CONSTRAINT invoice_total CHECK (total_cents = amount_excl_vat_cents + vat_cents),
        CONSTRAINT invoice_credit_note_refers CHECK ((kind = 'CREDIT_NOTE') = (credited_invoice_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX invoice_one_credit_note ON invoice (credited_invoice_id) WHERE credited_invoice_id IS NOT NULL`);
    await q.query(`CREATE INDEX invoice_company_idx ON invoice (company_id)`);
    await q.query(`CREATE INDEX invoice_entry_idx ON invoice (entry_id)`);
    // French law: an issued invoice is never edited or deleted; corrections are credit notes.
    await q.query(`
      CREATE FUNCTION invoice_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'invoice % is issued and cannot be changed or deleted; issue a credit note', OLD.number;
      END $$`);
    await q.query(`CREATE TRIGGER invoice_immutable BEFORE UPDATE OR DELETE ON invoice FOR EACH ROW EXECUTE FUNCTION invoice_is_immutable()`);

    await q.query(`
      CREATE TABLE payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES invoice(id),
        method text NOT NULL CHECK (method IN ('CARD', 'BANK_TRANSFER')),
        amount_cents int NOT NULL CHECK (amount_cents > 0),
        reference text NOT NULL,
        provider_event_id text UNIQUE,
        received_at timestamptz NOT NULL,
        recorded_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX payment_one_per_invoice ON payment (invoice_id)`);
    await q.query(`
      CREATE TABLE payment_flag (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid REFERENCES invoice(id),
        provider_event_id text UNIQUE,
        amount_cents int,
        expected_cents int,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Every payment-provider event once: its id is the idempotency key of the webhook.
    await q.query(`
      CREATE TABLE webhook_event (
        provider_event_id text PRIMARY KEY,
        type text NOT NULL,
        outcome text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor_id uuid REFERENCES app_user(id),
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'webhook_event', 'payment_flag', 'payment']) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP TRIGGER invoice_immutable ON invoice`);
    await q.query(`DROP FUNCTION invoice_is_immutable`);
    for (const table of ['invoice', 'invoice_counter', 'entry', 'category', 'edition']) await q.query(`DROP TABLE ${table}`);
  }
}
