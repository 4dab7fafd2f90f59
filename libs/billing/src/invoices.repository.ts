import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InvoiceKind, InvoicePurpose } from './entities/invoice.entity';

/** An invoice and the entry it bills. */
export interface EntryInvoiceRow {
  id: string;
  entryId: string;
}

/** Billing's set-based reads of `invoice`; kinds and purposes enter the SQL as parameters. */
@Injectable()
export class InvoicesRepository {
  /** The invoices (not credit notes) of these entries that no credit note cancels yet, in number order. */
  async uncreditedOfEntries(manager: EntityManager, entryIds: string[]): Promise<EntryInvoiceRow[]> {
    if (entryIds.length === 0) return [];
    return manager.query(
      `SELECT i.id, i.entry_id AS "entryId" FROM invoice i
        WHERE i.entry_id = ANY($1) AND i.kind = $2
          AND NOT EXISTS (SELECT 1 FROM invoice c WHERE c.credited_invoice_id = i.id)
        ORDER BY i.sequence`,
      [entryIds, InvoiceKind.Invoice],
    );
  }

  /** The entry-fee invoice of each of these entries. */
  async entryFeesOf(manager: EntityManager, entryIds: string[]): Promise<EntryInvoiceRow[]> {
    if (entryIds.length === 0) return [];
    return manager.query(`SELECT id, entry_id AS "entryId" FROM invoice WHERE entry_id = ANY($1) AND kind = $2 AND purpose = $3`, [
      entryIds,
      InvoiceKind.Invoice,
      InvoicePurpose.EntryFee,
    ]);
  }

  /** The credit note that cancels each of these invoices, by invoice id. */
  async creditNotesOf(manager: EntityManager, invoiceIds: string[]): Promise<Map<string, string>> {
    const rows: { id: string; creditedInvoiceId: string }[] = await manager.query(
      `SELECT id, credited_invoice_id AS "creditedInvoiceId" FROM invoice WHERE credited_invoice_id = ANY($1::uuid[])`,
      [invoiceIds],
    );
    return new Map(rows.map((r) => [r.creditedInvoiceId, r.id]));
  }
}
