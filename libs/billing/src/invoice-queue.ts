import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EDITIONS_SQL } from '@app/contest';
import { entityColumns, hydrate } from '@app/core';
import { Invoice, InvoiceKind } from './entities/invoice.entity';
import { UnnumberedInvoice } from './entities/unnumbered-invoice.entity';
import { ENTRIES_SQL, type Entry, type EntryInsert } from '@app/registration';
import type { InvoiceDraft } from './invoice-draft';

/** An entry fee just numbered, with its entry's category (which its e-mail names). */
export interface NumberedEntryFee {
  invoice: Invoice;
  categoryId: string | null;
}

/**
 * Invoices numbered in batches: a registration commits its invoice unnumbered (no lock taken), and one
 * transaction then numbers every invoice its edition has queued, holding the edition's counter row once for
 * all of them. Numbers stay gapless (the counter moves in the transaction that writes them) and chronological
 * (the issue date is read once the counter is ours, so a later number never has an earlier date).
 */
@Injectable()
export class InvoiceQueue {
  /**
   * Writes a new entry and queues its invoice in one statement (so in one implicit transaction, with no
   * BEGIN/COMMIT round trips): the entry's INSERT is registration's, run as a data-modifying CTE, and the invoice
   * takes its id. The invoice is numbered by its edition's next numbering.
   */
  async queueWithEntry(manager: EntityManager, insert: EntryInsert, draft: InvoiceDraft): Promise<{ entry: Entry; queued: UnnumberedInvoice }> {
    const at = insert.values.length;
    const rows: { id: string; created_at: Date; invoice_id: string; queued_at: Date }[] = await manager
      .query(
        `WITH new_entry AS (${insert.text}),
              queued AS (INSERT INTO unnumbered_invoice (edition_id, company_id, entry_id, purpose, description, amount_excl_vat_cents, vat_rate_bp,
                                                         vat_cents, total_cents, reverse_charge, buyer)
                         SELECT $${at + 1}, $${at + 2}, new_entry.id, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}, $${at + 8}, $${at + 9}, $${at + 10}
                           FROM new_entry RETURNING id, queued_at)
         SELECT new_entry.id, new_entry.created_at, queued.id AS invoice_id, queued.queued_at FROM new_entry CROSS JOIN queued`,
        [
          ...insert.values,
          draft.editionId,
          draft.companyId,
          draft.purpose,
          draft.description,
          draft.amountExclVatCents,
          draft.vatRateBp,
          draft.vatCents,
          draft.totalCents,
          draft.reverseCharge,
          JSON.stringify(draft.buyer),
        ],
      )
      .catch((error: unknown) => {
        throw insert.failure(error);
      });
    const [row] = rows;
    if (!row) throw await insert.refused();
    const entry = insert.entry(row);
    return { entry, queued: Object.assign(new UnnumberedInvoice(), draft, { entryId: entry.id, id: row.invoice_id, queuedAt: row.queued_at }) };
  }

  /**
   * Numbers, in `tx`, every invoice of the edition queued by a committed transaction, in the order they were
   * queued, and returns them in number order. The counter row is locked first and stays locked until `tx` ends, so a numbering
   * (here, in another process, or a single invoice's) waits for the one before it and then sees what it moved.
   */
  async numberQueued(tx: EntityManager, editionId: string): Promise<NumberedEntryFee[]> {
    const [{ last }]: { last: number }[] = await tx.query(
      `INSERT INTO invoice_counter (edition_id, last_number) VALUES ($1, 0)
       ON CONFLICT (edition_id) DO UPDATE SET last_number = invoice_counter.last_number RETURNING last_number AS last`,
      [editionId],
    );
    const rows: Record<string, unknown>[] = await tx.query(
      `WITH moved AS (DELETE FROM unnumbered_invoice WHERE edition_id = $1 RETURNING *),
            numbered AS (SELECT moved.*, $2::int + row_number() OVER (ORDER BY queued_at, id) AS seq FROM moved),
            counted AS (UPDATE invoice_counter SET last_number = $2::int + (SELECT count(*) FROM moved) WHERE edition_id = $1),
            issued AS (SELECT clock_timestamp() AS at),
            inserted AS (
              INSERT INTO invoice (id, edition_id, company_id, entry_id, kind, purpose, sequence, number, description, amount_excl_vat_cents,
                                   vat_rate_bp, vat_cents, total_cents, reverse_charge, buyer, issued_at)
              SELECT n.id, n.edition_id, n.company_id, n.entry_id, $3, n.purpose, n.seq, edition.year || '-' || lpad(n.seq::text, 6, '0'), n.description,
                     n.amount_excl_vat_cents, n.vat_rate_bp, n.vat_cents, n.total_cents, n.reverse_charge, n.buyer, issued.at
                FROM numbered n JOIN (${EDITIONS_SQL}) edition ON edition.id = n.edition_id CROSS JOIN issued
              RETURNING ${entityColumns(tx, Invoice, 'invoice', 'i_')})
       SELECT inserted.*, entry.category_id FROM inserted LEFT JOIN (${ENTRIES_SQL}) entry ON entry.id = inserted.i_entry_id`,
      [editionId, last, InvoiceKind.Invoice],
    );
    return rows
      .map((row) => ({ invoice: hydrate(tx, Invoice, row, 'i_'), categoryId: row.category_id as string | null }))
      .sort((a, b) => a.invoice.sequence - b.invoice.sequence);
  }

  /** The editions that have invoices waiting for a number since at least `minAgeMs`. */
  async editionsWaiting(manager: EntityManager, minAgeMs: number): Promise<string[]> {
    const rows: { edition_id: string }[] = await manager.query(
      `SELECT DISTINCT edition_id FROM unnumbered_invoice WHERE queued_at <= now() - $1 * interval '1 millisecond'`,
      [minAgeMs],
    );
    return rows.map((r) => r.edition_id);
  }

  /** The edition of the entry's invoice still waiting for its number, if any. */
  async editionOfEntry(manager: EntityManager, entryId: string): Promise<string | null> {
    const [row]: { edition_id: string }[] = await manager.query(`SELECT edition_id FROM unnumbered_invoice WHERE entry_id = $1 LIMIT 1`, [entryId]);
    return row?.edition_id ?? null;
  }
}
