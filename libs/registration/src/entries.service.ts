import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { companyRecipients, Role, type AuthUser, type Recipient } from '@app/accounts';
import { CategoriesService, CategoryStatus, categoryTakingEntriesSql, EditionsService, EditionStatus, type Category, type Edition } from '@app/contest';
import { formatInstant, isUniqueViolation, ConflictError, NotFoundError, InvalidError } from '@app/core';
import type { NotificationInput, Outbox } from '@app/notifications';
import { channelsOf, type EntryFilter, type NewEntry } from './entry-input';
import { Entry, EntryStatus, LIVE_ENTRY_STATUSES } from './entities/entry.entity';

/** An entry as the API shows it; billing adds its entry-fee invoice. */
export interface EntryFields {
  id: string;
  editionId: string;
  categoryId: string;
  companyId: string;
  status: EntryStatus;
  contactPoints: Entry['contactPoints'];
  exclusionReason: string | null;
  createdAt: Date;
  confirmedAt: Date | null;
  withdrawnAt: Date | null;
  excludedAt: Date | null;
}

/** A new entry's INSERT, run by the caller in a statement of its own making (see {@link EntriesService.newEntry}). */
export interface EntryInsert {
  /** `INSERT INTO entry … RETURNING id, created_at`, with placeholders $1…$n for `values`. */
  text: string;
  values: unknown[];
  /** The entry as written, from the row the INSERT returned. */
  entry(row: { id: string; created_at: Date }): Entry;
  /** What the statement's error means to the company: a second live entry in the category is a conflict. */
  failure(error: unknown): unknown;
  /** The error to answer when the INSERT wrote nothing: the category or its edition no longer took the entry. */
  refused(): Promise<Error>;
}

/** How long a category and its edition, once read, serve to judge new entries (see `checkNewEntry`). */
const RECENT_PLACE_MS = 1000;

/** Where a new entry goes, once its rules are checked. */
export interface EntryPlace {
  category: Category;
  edition: Edition;
}

/**
 * Entries: registering, reading, withdrawing, confirming. Billing (`EntryFees`) issues the entry-fee invoice: in the
 * statement that writes a new entry (`newEntry`), and in the unit of work of a withdrawal or a confirmation.
 */
@Injectable()
export class EntriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly editions: EditionsService,
    private readonly categories: CategoriesService,
  ) {}

  /** The places (category and edition) read in this process, by category, with when. */
  private readonly recentPlaces = new Map<string, { place: EntryPlace; readAt: number }>();

  /**
   * The rules a new entry must meet before anything is written: an active category, open registration, fitting
   * contact points. They are judged on the category and edition as read in the last second, if they were (a rush
   * reads each category once a second, not once a request; the entry's INSERT judges the first two again against
   * the live rows), and on a fresh read when that copy refuses.
   */
  async checkNewEntry(dto: NewEntry, now = new Date()): Promise<EntryPlace> {
    const recent = this.recentPlaces.get(dto.categoryId);
    if (recent && Date.now() - recent.readAt < RECENT_PLACE_MS) {
      try {
        return this.placeTakes(recent.place, dto, now);
      } catch {
        // perhaps only stale: judged again below on what is in the database now
      }
    }
    return this.placeTakes(await this.readPlace(dto.categoryId), dto, now);
  }

  private async readPlace(categoryId: string): Promise<EntryPlace> {
    const place = await this.categories.findWithEdition(categoryId);
    this.recentPlaces.set(categoryId, { place, readAt: Date.now() });
    return place;
  }

  private placeTakes(place: EntryPlace, dto: NewEntry, now: Date): EntryPlace {
    const { category, edition } = place;
    if (category.status === CategoryStatus.Cancelled)
      throw new ConflictError(`category ${category.code} is cancelled and takes no entries`, 'CATEGORY_CANCELLED');
    this.editions.assertAcceptingEntries(edition, now);
    assertContactPointsFit(category, dto);
    return place;
  }

  /**
   * The caller's company's new entry, as an `INSERT … RETURNING id, created_at` for billing to run with the entry's
   * invoice in one statement: awaiting payment, or confirmed at `confirmedAt` when there is nothing to pay.
   */
  newEntry(user: AuthUser, dto: NewEntry, place: EntryPlace, now: Date, confirmedAt: Date | null): EntryInsert {
    const { category, edition } = place;
    const fields = {
      editionId: edition.id,
      categoryId: category.id,
      companyId: user.companyId!,
      status: confirmedAt ? EntryStatus.Confirmed : EntryStatus.PendingPayment,
      contactPoints: dto.contactPoints,
      confirmedAt,
    };
    const takes = categoryTakingEntriesSql({ category: '$2', at: '$7', open: '$8', cancelled: '$9' });
    return {
      text: `INSERT INTO entry (edition_id, category_id, company_id, status, contact_points, confirmed_at)
             SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (${takes}) RETURNING id, created_at`,
      values: [
        fields.editionId,
        fields.categoryId,
        fields.companyId,
        fields.status,
        JSON.stringify(fields.contactPoints),
        confirmedAt,
        now,
        EditionStatus.Open,
        CategoryStatus.Cancelled,
      ],
      entry: (row) =>
        Object.assign(new Entry(), { exclusionReason: null, withdrawnAt: null, excludedAt: null }, fields, { id: row.id, createdAt: row.created_at }),
      failure: (error) =>
        isUniqueViolation(error, 'entry_one_per_company_category')
          ? new ConflictError(`your company already has an entry in category ${category.code}: one entry per company and category`, 'ENTRY_ALREADY_EXISTS')
          : error,
      refused: async () => {
        // The place changed since it was read: its rule, judged on what is there now, names why.
        this.placeTakes(await this.readPlace(category.id), dto, now);
        return new ConflictError(`registration in category ${category.code} changed while you registered: try again`, 'REGISTRATION_CHANGED');
      },
    };
  }

  async list(user: AuthUser, query: EntryFilter): Promise<Entry[]> {
    const where = {
      ...(user.role === Role.Jury ? {} : { companyId: user.companyId! }),
      ...(query.editionId ? { editionId: query.editionId } : {}),
      ...(query.categoryId ? { categoryId: query.categoryId } : {}),
      ...(query.status ? { status: query.status } : {}),
    };
    return this.dataSource.getRepository(Entry).find({ where, order: { createdAt: 'ASC' } });
  }

  /** A company reading another company's entry gets 404, as if it did not exist. */
  async findOne(user: AuthUser, id: string): Promise<Entry> {
    const entry = await this.dataSource.getRepository(Entry).findOneBy({ id, ...(user.role === Role.Jury ? {} : { companyId: user.companyId! }) });
    if (!entry) throw new NotFoundError(`entry ${id} does not exist`);
    return entry;
  }

  /** Before the deadline only, by the entry's company (the caller credits its invoice in the same `tx`). */
  async withdraw(tx: EntityManager, user: AuthUser, id: string, now = new Date()): Promise<void> {
    await this.findOne(user, id);
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
  }

  /**
   * A paid entry fee confirms its entry. A payment received at or after the payment due date cannot
   * (the rule excludes an entry unpaid at that instant, whether or not the job has run yet).
   */
  async confirmOnPayment(tx: EntityManager, entry: Pick<Entry, 'id' | 'editionId'>, receivedAt: Date): Promise<void> {
    const edition = await this.editions.findOrFail(entry.editionId, tx);
    if (receivedAt.getTime() >= edition.paymentDueAt.getTime()) return;
    await this.confirm(tx, { id: entry.id });
  }

  /** PENDING_PAYMENT → CONFIRMED (an entry with nothing to pay is confirmed when it is registered). */
  async confirm(tx: EntityManager, entry: Pick<Entry, 'id'> & Partial<Entry>): Promise<void> {
    const confirmedAt = new Date();
    const result = await tx.update(Entry, { id: entry.id, status: EntryStatus.PendingPayment }, { status: EntryStatus.Confirmed, confirmedAt });
    if (result.affected) Object.assign(entry, { status: EntryStatus.Confirmed, confirmedAt });
  }

  /** Writes one e-mail per user of the entry's company, keyed by template, entry and user. */
  async tellCompany<T extends CompanyTemplate>(
    outbox: Outbox,
    entry: Pick<Entry, 'id' | 'companyId'>,
    category: Pick<Category, 'name'>,
    edition: Pick<Edition, 'name'>,
    template: T,
    extra: (recipient: { locale: 'fr' | 'en' }) => Record<string, unknown>,
    attachments: NotificationInput['attachments'] = [],
    eventKey = template as string,
    recipients?: Recipient[],
  ): Promise<void> {
    recipients ??= await companyRecipients(outbox.tx, [entry.companyId]);
    await outbox.notify(...companyNotices(entry, category, edition, template, extra, attachments, eventKey, recipients));
  }

  /** An entry by id, whoever's it is (null if none): the caller decides who may see it. */
  async findById(id: string): Promise<Entry | null> {
    return this.dataSource.getRepository(Entry).findOneBy({ id });
  }

  /** Publication: the entries ranked in the published results, if still in test; returns how many moved. */
  async markRanked(tx: EntityManager, entryIds: string[]): Promise<number> {
    if (entryIds.length === 0) return 0;
    const result = await tx.update(Entry, { id: In(entryIds), status: EntryStatus.InTest }, { status: EntryStatus.Ranked });
    return result.affected ?? 0;
  }

  /** The test period starts: the edition's confirmed entries go into test; returns how many. */
  async putInTest(tx: EntityManager, editionId: string): Promise<number> {
    const result = await tx.update(Entry, { editionId, status: EntryStatus.Confirmed }, { status: EntryStatus.InTest });
    return result.affected ?? 0;
  }

  /** Excludes these entries, if still live, with the reason told to their company. */
  async exclude(tx: EntityManager, entries: Pick<Entry, 'id'>[], reason: string): Promise<void> {
    if (entries.length === 0) return;
    await tx.update(
      Entry,
      { id: In(entries.map((e) => e.id)), status: In(LIVE_ENTRY_STATUSES) },
      { status: EntryStatus.Excluded, exclusionReason: reason, excludedAt: () => 'now()' },
    );
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

export function entryFields(e: Entry): EntryFields {
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
  };
}

/** Contact points only for channels the category tests, and at least one of them. */
function assertContactPointsFit(category: Category, dto: NewEntry): void {
  const channels = channelsOf(dto.contactPoints);
  const untested = channels.filter((c) => !((category.quotas[c] ?? 0) > 0));
  if (untested.length > 0) throw new InvalidError(`category ${category.code} does not test the channel(s) ${untested.join(', ')}: remove their contact points`);
  if (channels.length === 0) throw new InvalidError('contactPoints must give at least one contact point on a channel the category tests');
}

type CompanyTemplate = 'entry-registered' | 'registration-closed' | 'entry-excluded' | 'category-cancelled' | 'deadline-reminder';

/** The e-mails telling an entry's company (one per user among `recipients`), keyed by event, entry and user. */
export function companyNotices<T extends CompanyTemplate>(
  entry: Pick<Entry, 'id' | 'companyId'>,
  category: Pick<Category, 'name'>,
  edition: Pick<Edition, 'name'>,
  template: T,
  extra: (recipient: { locale: 'fr' | 'en' }) => Record<string, unknown>,
  attachments: NotificationInput['attachments'],
  eventKey: string,
  recipients: Recipient[],
): NotificationInput[] {
  return recipients
    .filter((r) => r.companyId === entry.companyId)
    .map((r) => ({
      template,
      to: r.email,
      locale: r.locale,
      data: { companyName: r.companyName ?? '', editionName: edition.name, categoryName: category.name, ...extra(r) } as never,
      dedupeKey: `${eventKey}:${entry.id}:${r.userId}`,
      attachments,
    }));
}
