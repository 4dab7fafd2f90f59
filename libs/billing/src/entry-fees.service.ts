import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { companyRecipients, type AuthUser } from '@app/accounts';
import { formatEuros, formatInstant, UnitsOfWork } from '@app/core';
import { NotificationsService } from '@app/notifications';
import { CategoriesService, EditionsService } from '@app/contest';
import { companyNotices, EntriesService, entryFields, type Entry, type EntryFilter, type NewEntry } from '@app/registration';
import { BillingService, toInvoiceView } from './billing.service';
import type { InvoiceView } from './invoice.types';
import { InvoicePurpose, type Invoice } from './entities/invoice.entity';
import { entryTimeline, type EntryDetailView, type EntryView } from './entry-timeline';
import { invoiceAttachment } from './invoice-attachment';
import { InvoiceQueue } from './invoice-queue';
import { draftFor, readBuyer } from './invoice-draft';
import type { UnnumberedInvoice } from './entities/unnumbered-invoice.entity';
import { InvoicesRepository } from './invoices.repository';
import { CoalescedRuns } from './coalesced-runs';

/** How long an invoice waits for its number before it counts as a crash's leftover (a registration numbers its own within a second). */
export const LEFTOVER_AGE_MS = 10_000;

/**
 * The entry fee along the entry's life: billing queues the invoice in the statement that writes the entry and
 * numbers it before the registration answers, credits it when the entry is withdrawn, and (through `BillingService.recordPayment`) confirms the
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
    private readonly invoiceQueue: InvoiceQueue,
    private readonly editions: EditionsService,
    private readonly categories: CategoriesService,
  ) {}

  /** One numbering per edition at a time in this process; registrations arriving meanwhile share the next one (or are answered by the one under way, when it took their invoice). */
  private readonly numberings = new CoalescedRuns((editionId) => this.issueQueued(editionId));

  /**
   * Registers the caller's company in a category and issues the entry-fee invoice: the entry and its invoice
   * are committed first (no lock taken), then the invoice is numbered with the others its edition queued
   * meanwhile, and the answer waits for its number.
   */
  async register(user: AuthUser, dto: NewEntry, now = new Date()): Promise<EntryView> {
    const { entry, queued } = await this.queueEntry(user, dto, now);
    const invoice = (await this.numberings.find(entry.editionId, queued.id)) ?? (await this.billing.numbered(queued.id));
    return { ...entryFields(entry), invoice: toInvoiceView(invoice, [], null) };
  }

  /**
   * A registration's first half, all a crash before the numbering leaves: the rules checked and the buyer read
   * (side by side), then the entry and its unnumbered invoice written by one statement. An entry with nothing to
   * pay is confirmed as it is written.
   */
  async queueEntry(user: AuthUser, dto: NewEntry, now = new Date()): Promise<{ entry: Entry; queued: UnnumberedInvoice }> {
    const manager = this.dataSource.manager;
    const [place, buyer] = await Promise.all([this.entries.checkNewEntry(dto, now), readBuyer(manager, user.companyId!)]);
    const { category, edition } = place;
    const draft = draftFor(
      {
        editionId: edition.id,
        companyId: user.companyId!,
        entryId: null,
        purpose: InvoicePurpose.EntryFee,
        description: `Inscription — catégorie ${category.name} — ${edition.name}`,
        amountExclVatCents: category.entryFeeCents,
        vatRateBp: category.vatRateBp,
      },
      buyer,
    );
    return this.invoiceQueue.queueWithEntry(manager, this.entries.newEntry(user, dto, place, now, draft.totalCents === 0 ? now : null), draft);
  }

  /**
   * Numbers every entry-fee invoice the edition has queued and writes each its "entry registered" e-mail, in one
   * unit of work; returns them by id. Registrations call it through {@link numberings}, the worker's reconciler
   * for invoices a crash left unnumbered.
   */
  async issueQueued(editionId: string): Promise<Map<string, Invoice>> {
    // Read before the counter is locked, side by side: the numbering changes neither.
    const manager = this.dataSource.manager;
    const [edition, categoryList] = await Promise.all([this.editions.findOrFail(editionId, manager), this.categories.listByEdition(editionId, manager)]);
    const categories = new Map(categoryList.map((c) => [c.id, c]));
    const paymentDueAt = formatInstant(edition.paymentDueAt, edition.timezone);
    const deadline = formatInstant(edition.registrationDeadline, edition.timezone);
    return this.units.run(async (uow) => {
      const numbered = await this.invoiceQueue.numberQueued(uow.tx, editionId);
      const recipients = await companyRecipients(uow.tx, [...new Set(numbered.map(({ invoice }) => invoice.companyId))]);
      const written = await this.notifications.write(
        uow.tx,
        numbered.flatMap(({ invoice, categoryId }) => {
          const category = categoryId ? categories.get(categoryId) : undefined;
          if (!category || !invoice.entryId) return [];
          return companyNotices(
            { id: invoice.entryId, companyId: invoice.companyId },
            category,
            edition,
            'entry-registered',
            (r) => ({ invoiceNumber: invoice.number, total: formatEuros(invoice.totalCents, r.locale), paymentDueAt, deadline }),
            [invoiceAttachment(invoice)],
            'entry-registered',
            recipients,
          );
        }),
      );
      // The outbox's after-commit queueing, not awaited: the registrations waiting for their numbers need not wait
      // for Redis (dispatch only logs a failure, and the relay queues what it missed).
      uow.afterCommit(async () => void this.notifications.dispatch(written));
      return new Map(numbered.map(({ invoice }) => [invoice.id, invoice]));
    });
  }

  /**
   * Invoices a crash left unnumbered (committed, never numbered), numbered now; returns how many. Only those waiting
   * for {@link LEFTOVER_AGE_MS}: a registration under way numbers its own, and a numbering from here (the worker's,
   * at low CPU priority) would hold the counter that the registrations' numberings wait for.
   */
  async issueLeftovers(): Promise<number> {
    let issued = 0;
    for (const editionId of await this.invoiceQueue.editionsWaiting(this.dataSource.manager, LEFTOVER_AGE_MS)) {
      issued += (await this.numberings.run(editionId)).size;
    }
    return issued;
  }

  /** Withdraws an entry before the deadline; its invoice is cancelled by a credit note in the same transaction. */
  async withdraw(user: AuthUser, id: string, now = new Date()): Promise<EntryView> {
    // An invoice still waiting for its number (its registration's answer was lost) is numbered before it is credited.
    const waiting = await this.invoiceQueue.editionOfEntry(this.dataSource.manager, id);
    if (waiting) await this.numberings.run(waiting);
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
