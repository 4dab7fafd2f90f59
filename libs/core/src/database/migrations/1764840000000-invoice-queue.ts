import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `unnumbered_invoice`: an invoice committed with the entry it bills but not numbered yet. Numbers are given
 * out to every queued invoice of an edition at once, in one transaction holding the edition's counter row, and
 * each row then moves to `invoice` with its number and its issue date (docs/rules.md, "Numbering"). A row left
 * here by a crash is numbered by the next batch of its edition or by the worker's reconciler.
 */
export class InvoiceQueue1764840000000 implements MigrationInterface {
  name = 'InvoiceQueue1764840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unnumbered_invoice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        edition_id uuid NOT NULL REFERENCES edition(id),
        company_id uuid NOT NULL REFERENCES company(id),
        entry_id uuid REFERENCES entry(id),
        purpose text NOT NULL,
        description text NOT NULL,
        amount_excl_vat_cents int NOT NULL,
        vat_rate_bp int NOT NULL,
        vat_cents int NOT NULL,
        total_cents int NOT NULL,
        reverse_charge boolean NOT NULL,
        buyer jsonb NOT NULL,
        queued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT unnumbered_invoice_purpose_check CHECK (purpose IN ('ENTRY_FEE', 'LICENCE')),
        CONSTRAINT unnumbered_invoice_total CHECK (total_cents = amount_excl_vat_cents + vat_cents)
      )`);
    await q.query(`CREATE INDEX unnumbered_invoice_edition_idx ON unnumbered_invoice (edition_id, queued_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE unnumbered_invoice`);
  }
}
