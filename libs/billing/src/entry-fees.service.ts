import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { companyRecipients, type AuthUser } from '@app/accounts';
import { formatEuros, formatInstant, UnitsOfWork } from '@app/core';
import { NotificationsService } from '@app/notifications';
import { EntriesService, entryFields, type Entry, type EntryFilter, type NewEntry } from '@app/registration';
import { BillingService, toInvoiceView } from './billing.service';
import type { InvoiceView } from './invoice.types';
import { InvoicePurpose, type Invoice } from './entities/invoice.entity';
import { entryTimeline, type EntryDetailView, type EntryView } from './entry-timeline';
import { invoiceAttachment } from './invoice-attachment';
import { InvoicesRepository } from './invoices.repository';

/**
 * The entry fee along the entry's life: billing issues the invoice in the unit of work that registers the
 * entry, credits it when the entry is withdrawn, and (through `BillingService.recordPayment`) confirms the
 * entry when it is paid. Registration knows nothing of invoices.
 */
@Injectable()
export class EntryFees {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsOfWork,
    private readonly notifications: NotificationsService,
    private readonly entries: EntriesService,
    private readonly billing: BillingService,
    private readonly invoices: InvoicesRepository,
  ) {}

  /** Registers the caller's company in a category, issues the entry-fee invoice and e-mails it, in one unit of work. */
  async register(user: AuthUser, dto: NewEntry, now = new Date()): Promise<EntryView> {
    const place = await this.entries.checkNewEntry(dto, now);
    const { category, edition } = place;
    return this.units.run(async (uow) => {
      const outbox = this.notifications.outbox(uow);
      const entry = await this.entries.register(uow.tx, user, dto, place);
      const recipients = await companyRecipients(uow.tx, [entry.companyId]);
      // Last: the invoice takes the edition's numbering lock, held until commit, so little should follow it.
      const invoice = await this.billing.issueInvoice(uow.tx, {
        editionId: edition.id,
        companyId: entry.companyId,
        entryId: entry.id,
        purpose: InvoicePurpose.EntryFee,
        description: `Inscription — catégorie ${category.name} — ${edition.name}`,
        amountExclVatCents: category.entryFeeCents,
        vatRateBp: category.vatRateBp,
      });
      if (invoice.totalCents === 0) await this.entries.confirm(uow.tx, entry);
      await this.entries.tellCompany(
        outbox,
        entry,
        category,
        edition,
        'entry-registered',
        (r) => ({
          invoiceNumber: invoice.number,
          total: formatEuros(invoice.totalCents, r.locale),
          paymentDueAt: formatInstant(edition.paymentDueAt, edition.timezone),
          deadline: formatInstant(edition.registrationDeadline, edition.timezone),
        }),
        [invoiceAttachment(invoice)],
        'entry-registered',
        recipients,
      );
      return { ...entryFields(entry), invoice: toInvoiceView(invoice, [], null) };
    });
  }

  /** Withdraws an entry before the deadline; its invoice is cancelled by a credit note in the same transaction. */
  async withdraw(user: AuthUser, id: string, now = new Date()): Promise<EntryView> {
    await this.units.run(async (uow) => {
      await this.entries.withdraw(uow.tx, user, id, now);
      await this.creditEntryInvoices(uow.tx, [id], 'Retrait de l’inscription par l’entreprise');
    });
    return this.findOne(user, id);
  }

  async list(user: AuthUser, query: EntryFilter): Promise<EntryView[]> {
    return this.withInvoices(await this.entries.list(user, query));
  }

  /** One entry with its invoice and its history; another company's entry answers 404. */
  async findOne(user: AuthUser, id: string): Promise<EntryDetailView> {
    const [view] = await this.withInvoices([await this.entries.findOne(user, id)]);
    return { ...view, timeline: await entryTimeline(this.dataSource.manager, view) };
  }

  /** Issues a credit note for every not yet credited invoice of these entries; returns them by entry. */
  async creditEntryInvoices(tx: EntityManager, entryIds: string[], reason: string): Promise<Map<string, Invoice>> {
    const creditNotes = new Map<string, Invoice>();
    for (const invoice of await this.invoices.uncreditedOfEntries(tx, entryIds)) {
      creditNotes.set(invoice.entryId, await this.billing.issueCreditNote(tx, invoice.id, reason));
    }
    return creditNotes;
  }

  /** The entry-fee invoice of each entry, by entry id. */
  async entryInvoices(entryIds: string[]): Promise<Map<string, InvoiceView>> {
    const invoices = await this.invoices.entryFeesOf(this.dataSource.manager, entryIds);
    const views = await this.billing.invoiceViews(invoices.map((i) => i.id));
    return new Map(invoices.flatMap((i) => (views.has(i.id) ? [[i.entryId, views.get(i.id)!] as const] : [])));
  }

  private async withInvoices(entries: Entry[]): Promise<EntryView[]> {
    const byEntry = await this.entryInvoices(entries.map((e) => e.id));
    return entries.map((e) => ({ ...entryFields(e), invoice: byEntry.get(e.id) ?? null }));
  }
}
