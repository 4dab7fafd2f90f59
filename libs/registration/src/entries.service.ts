import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { companyRecipients, Role, type AuthUser, type Recipient } from '@app/accounts';
import { BillingService, invoiceAttachment, InvoicePurpose, toInvoiceView, type Invoice, type InvoiceView, type Payment } from '@app/billing';
import { CategoriesService, CategoryStatus, EditionsService, type Category, type Edition } from '@app/contest';
import { formatEuros, formatInstant, isUniqueViolation, ConflictError, InvalidError, NotFoundError } from '@app/core';
import { NotificationsService, type Outbox } from '@app/notifications';
import { channelsOf, type CreateEntryDto, type EntryDetailView, type EntryView, type ListEntriesQuery, type TimelineStep } from './dto/entry.dto';
import { Entry, EntryStatus } from './entities/entry.entity';

/** Entries: registering (with its invoice), reading, withdrawing, and confirming on payment. */
@Injectable()
export class EntriesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly editions: EditionsService,
    private readonly categories: CategoriesService,
    private readonly billing: BillingService,
  ) {}

  onModuleInit(): void {
    this.billing.onInvoicePaid((tx, invoice, payment) => this.onInvoicePaid(tx, invoice, payment));
  }

  async create(user: AuthUser, dto: CreateEntryDto, now = new Date()): Promise<EntryView> {
    const { category, edition } = await this.categories.findWithEdition(dto.categoryId);
    if (category.status === CategoryStatus.Cancelled)
      throw new ConflictError(`category ${category.code} is cancelled and takes no entries`, 'CATEGORY_CANCELLED');
    this.editions.assertAcceptingEntries(edition, now);
    assertContactPointsFit(category, dto);
    const companyId = user.companyId!;

    return this.notifications.transaction(async (outbox) => {
      const entry = await this.insertEntry(
        outbox.tx,
        { editionId: edition.id, categoryId: category.id, companyId, status: EntryStatus.PendingPayment, contactPoints: dto.contactPoints },
        category,
      );
      const recipients = await companyRecipients(outbox.tx, [companyId]);
      // Last: the invoice takes the edition's numbering lock, held until commit, so little should follow it.
      const invoice = await this.billing.issueInvoice(outbox.tx, {
        editionId: edition.id,
        companyId,
        entryId: entry.id,
        purpose: InvoicePurpose.EntryFee,
        description: `Inscription — catégorie ${category.name} — ${edition.name}`,
        amountExclVatCents: category.entryFeeCents,
        vatRateBp: category.vatRateBp,
      });
      if (invoice.totalCents === 0) await this.confirm(outbox.tx, entry);
      await this.tellCompany(
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
      return toEntryView(entry, toInvoiceView(invoice, [], null));
    });
  }

  async list(user: AuthUser, query: ListEntriesQuery): Promise<EntryView[]> {
    const where = {
      ...(user.role === Role.Jury ? {} : { companyId: user.companyId! }),
      ...(query.editionId ? { editionId: query.editionId } : {}),
      ...(query.categoryId ? { categoryId: query.categoryId } : {}),
      ...(query.status ? { status: query.status } : {}),
    };
    const entries = await this.dataSource.getRepository(Entry).find({ where, order: { createdAt: 'ASC' } });
    return this.toViews(entries);
  }

  /** A company reading another company's entry gets 404, as if it did not exist. */
  async findOne(user: AuthUser, id: string): Promise<EntryDetailView> {
    const entry = await this.dataSource.getRepository(Entry).findOneBy({ id, ...(user.role === Role.Jury ? {} : { companyId: user.companyId! }) });
    if (!entry) throw new NotFoundError(`entry ${id} does not exist`);
    const [view] = await this.toViews([entry]);
    return { ...view, timeline: await this.timelineOf(view) };
  }

  /**
   * The entry's history from its own instants, its fee's payment, and the edition's status changes in the audit
   * log for the steps every entry of the edition takes together (the test period, the publication).
   */
  private async timelineOf(view: EntryView): Promise<TimelineStep[]> {
    const editionSteps: { to: 'TESTING' | 'PUBLISHED'; at: Date }[] = await this.dataSource.query(
      `SELECT details ->> 'to' AS "to", min(created_at) AS at FROM audit_log
        WHERE subject_type = 'edition' AND subject_id = $1 AND action = 'edition.status' AND details ->> 'to' IN ('TESTING', 'PUBLISHED')
        GROUP BY 1`,
      [view.editionId],
    );
    const edition = (to: 'TESTING' | 'PUBLISHED') => editionSteps.find((s) => s.to === to)?.at ?? null;
    const tested = view.status === EntryStatus.InTest || view.status === EntryStatus.Ranked;
    // in the order an entry lives them (a card payment's instant is the provider's, to the second, so it may read
    // a little before the registration): withdrawal and exclusion end it
    const steps: [TimelineStep['status'], Date | null | undefined][] = [
      ['REGISTERED', view.createdAt],
      ['PAID', view.invoice?.payments[0]?.receivedAt],
      ['CONFIRMED', view.confirmedAt],
      ['IN_TEST', tested ? edition('TESTING') : null],
      ['RANKED', view.status === EntryStatus.Ranked ? edition('PUBLISHED') : null],
      ['WITHDRAWN', view.withdrawnAt],
      ['EXCLUDED', view.excludedAt],
    ];
    return steps.filter((step): step is [TimelineStep['status'], Date] => step[1] instanceof Date).map(([status, at]) => ({ status, at }));
  }

  /** Before the deadline only; the entry's invoice is cancelled by a credit note. */
  async withdraw(user: AuthUser, id: string, now = new Date()): Promise<EntryView> {
    await this.findOne(user, id);
    await this.dataSource.transaction(async (tx) => {
      const entry = await tx.findOne(Entry, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!entry) throw new NotFoundError(`entry ${id} does not exist`);
      if (entry.status !== EntryStatus.PendingPayment && entry.status !== EntryStatus.Confirmed) {
        throw new ConflictError(`entry ${id} is ${entry.status} and can no longer be withdrawn`, 'ENTRY_NOT_WITHDRAWABLE');
      }
      const edition = await this.editions.findOrFail(entry.editionId);
      if (now.getTime() >= edition.registrationDeadline.getTime()) {
        throw new ConflictError(
          `an entry can be withdrawn only before the registration deadline (${formatInstant(edition.registrationDeadline, edition.timezone)})`,
          'WITHDRAWAL_CLOSED',
        );
      }
      await tx.update(Entry, { id }, { status: EntryStatus.Withdrawn, withdrawnAt: now });
      await this.creditEntryInvoices(tx, [id], 'Retrait de l’inscription par l’entreprise');
    });
    return this.findOne(user, id);
  }

  /**
   * A paid entry fee confirms its entry. A payment received at or after the payment due date cannot
   * (the rule excludes an entry unpaid at that instant, whether or not the job has run yet).
   */
  private async onInvoicePaid(tx: EntityManager, invoice: Invoice, payment: Payment): Promise<void> {
    if (invoice.purpose !== InvoicePurpose.EntryFee || !invoice.entryId) return;
    const edition = await this.editions.findOrFail(invoice.editionId, tx);
    if (payment.receivedAt.getTime() >= edition.paymentDueAt.getTime()) return;
    await this.confirm(tx, { id: invoice.entryId });
  }

  private async confirm(tx: EntityManager, entry: Pick<Entry, 'id'> & Partial<Entry>): Promise<void> {
    const confirmedAt = new Date();
    const result = await tx.update(Entry, { id: entry.id, status: EntryStatus.PendingPayment }, { status: EntryStatus.Confirmed, confirmedAt });
    if (result.affected) Object.assign(entry, { status: EntryStatus.Confirmed, confirmedAt });
  }

  /** Issues a credit note for every not yet credited invoice of these entries. */
  async creditEntryInvoices(tx: EntityManager, entryIds: string[], reason: string): Promise<Map<string, Invoice>> {
    const creditNotes = new Map<string, Invoice>();
    if (entryIds.length === 0) return creditNotes;
    const invoices: { id: string; entry_id: string }[] = await tx.query(
      `SELECT i.id, i.entry_id FROM invoice i
        WHERE i.entry_id = ANY($1) AND i.kind = 'INVOICE'
          AND NOT EXISTS (SELECT 1 FROM invoice c WHERE c.credited_invoice_id = i.id)
        ORDER BY i.sequence`,
      [entryIds],
    );
    for (const invoice of invoices) creditNotes.set(invoice.entry_id, await this.billing.issueCreditNote(tx, invoice.id, reason));
    return creditNotes;
  }

  /** Writes one e-mail per user of the entry's company, keyed by template, entry and user. */
  async tellCompany<T extends 'entry-registered' | 'registration-closed' | 'entry-excluded' | 'category-cancelled' | 'deadline-reminder'>(
    outbox: Outbox,
    entry: Pick<Entry, 'id' | 'companyId'>,
    category: Pick<Category, 'name'>,
    edition: Pick<Edition, 'name'>,
    template: T,
    extra: (recipient: { locale: 'fr' | 'en' }) => Record<string, unknown>,
    attachments: Parameters<Outbox['notify']>[0]['attachments'] = [],
    eventKey = template as string,
    recipients?: Recipient[],
  ): Promise<void> {
    recipients ??= await companyRecipients(outbox.tx, [entry.companyId]);
    await outbox.notify(
      ...recipients.map((r) => ({
        template,
        to: r.email,
        locale: r.locale,
        data: { companyName: r.companyName ?? '', editionName: edition.name, categoryName: category.name, ...extra(r) } as never,
        dedupeKey: `${eventKey}:${entry.id}:${r.userId}`,
        attachments,
      })),
    );
  }

  private async insertEntry(tx: EntityManager, fields: Partial<Entry>, category: Category): Promise<Entry> {
    try {
      const result = await tx.createQueryBuilder().insert().into(Entry).values(fields).returning('id, created_at').execute();
      const [row] = result.raw as { id: string; created_at: Date }[];
      return Object.assign(new Entry(), { exclusionReason: null, confirmedAt: null, withdrawnAt: null, excludedAt: null }, fields, {
        id: row.id,
        createdAt: row.created_at,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'entry_one_per_company_category')) {
        throw new ConflictError(`your company already has an entry in category ${category.code}: one entry per company and category`, 'ENTRY_ALREADY_EXISTS');
      }
      throw error;
    }
  }

  /** The entry-fee invoice of each entry. */
  async entryInvoices(entryIds: string[]): Promise<Map<string, InvoiceView>> {
    if (entryIds.length === 0) return new Map();
    const invoices: { id: string; entry_id: string }[] = await this.dataSource.query(
      `SELECT id, entry_id FROM invoice WHERE entry_id = ANY($1) AND kind = 'INVOICE' AND purpose = 'ENTRY_FEE'`,
      [entryIds],
    );
    const views = await this.billing.invoiceViews(invoices.map((i) => i.id));
    return new Map(invoices.flatMap((i) => (views.has(i.id) ? [[i.entry_id, views.get(i.id)!] as const] : [])));
  }

  private async toViews(entries: Entry[]): Promise<EntryView[]> {
    const byEntry = await this.entryInvoices(entries.map((e) => e.id));
    return entries.map((e) => toEntryView(e, byEntry.get(e.id) ?? null));
  }

  async entriesOf(tx: EntityManager, where: { editionId?: string; categoryId?: string; status: EntryStatus[] }): Promise<Entry[]> {
    return tx.find(Entry, {
      where: {
        ...(where.editionId ? { editionId: where.editionId } : {}),
        ...(where.categoryId ? { categoryId: where.categoryId } : {}),
        status: In(where.status),
      },
      order: { createdAt: 'ASC' },
    });
  }
}

function toEntryView(e: Entry, invoice: InvoiceView | null): EntryView {
  return {
    id: e.id,
    editionId: e.editionId,
    categoryId: e.categoryId,
    companyId: e.companyId,
    status: e.status,
    contactPoints: e.contactPoints,
    exclusionReason: e.exclusionReason ?? null,
    createdAt: e.createdAt,
    confirmedAt: e.confirmedAt ?? null,
    withdrawnAt: e.withdrawnAt ?? null,
    excludedAt: e.excludedAt ?? null,
    invoice,
  };
}

/** Contact points only for channels the category tests, and at least one of them. */
function assertContactPointsFit(category: Category, dto: CreateEntryDto): void {
  const channels = channelsOf(dto.contactPoints);
  const untested = channels.filter((c) => !((category.quotas[c] ?? 0) > 0));
  if (untested.length > 0) throw new InvalidError(`category ${category.code} does not test the channel(s) ${untested.join(', ')}: remove their contact points`);
  if (channels.length === 0) throw new InvalidError('contactPoints must give at least one contact point on a channel the category tests');
}
