import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { Role, type AuthUser } from '@app/accounts';
import { isUuid, audit, formatInstant, isUniqueViolation, NotFoundError, ConflictError, InvalidError, withinDeadline } from '@app/core';
import type { DeadlineExtension, EditionView, NewEdition } from './edition.types';
import { EditionCalendar } from './edition-calendar.service';
import {
  assertAcceptingEntries,
  calendarOrderProblems,
  registrationWindow,
  type EditionCalendarInstants,
  type RegistrationWindow,
  type WindowEdition,
} from './edition-rules';
import { Category, CategoryStatus } from './entities/category.entity';
import { Edition, EditionStatus } from './entities/edition.entity';
import { canonicalTimeZone, DEFAULT_TIMEZONE, parseInstant, plusDaysInZone, toLocalIso } from './time';

/** The unpaid entries of an edition have this many days after the deadline to pay, unless the jury says otherwise. */
export const DEFAULT_PAYMENT_DAYS = 15;

export type LockMode = 'pessimistic_read' | 'pessimistic_write';

/** Editions: their calendar (in their time zone), their status, and who may see them. */
@Injectable()
export class EditionsService {
  private readonly logger = new Logger(EditionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: EditionCalendar,
  ) {}

  /** A DRAFT edition; wall-clock instants are read in its time zone. 400 naming the rule, 409 for a year that exists. */
  async create(dto: NewEdition, actorId: string | null): Promise<EditionView> {
    const timezone = canonicalTimeZone(dto.timezone ?? DEFAULT_TIMEZONE);
    if (!timezone) throw new InvalidError('timezone must be an IANA time zone such as Europe/Paris');
    const read = (field: keyof EditionCalendarInstants) => parseInstant(field, dto[field]!, timezone);
    const registrationDeadline = read('registrationDeadline');
    const calendar: EditionCalendarInstants = {
      registrationOpensAt: read('registrationOpensAt'),
      registrationDeadline,
      paymentDueAt: dto.paymentDueAt === undefined ? plusDaysInZone(registrationDeadline, timezone, DEFAULT_PAYMENT_DAYS) : read('paymentDueAt'),
      testPeriodStart: read('testPeriodStart'),
      testPeriodEnd: read('testPeriodEnd'),
      resultsPublishAt: read('resultsPublishAt'),
    };
    const problems = calendarOrderProblems(calendar, timezone);
    if (problems.length > 0) {
      const note = dto.paymentDueAt === undefined ? ` (paymentDueAt defaults to registrationDeadline + ${DEFAULT_PAYMENT_DAYS} days)` : '';
      throw new InvalidError(`${problems.join('; ')}${note}`);
    }
    try {
      return await this.dataSource.transaction(async (tx) => {
        const edition = await tx.save(tx.create(Edition, { year: dto.year, name: dto.name, timezone, status: EditionStatus.Draft, ...calendar }));
        await audit(tx, { actorId, action: 'edition.create', subjectType: 'edition', subjectId: edition.id, details: { year: edition.year } });
        return toEditionView(edition);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'edition_year_key'))
        throw new ConflictError(`an edition for ${dto.year} already exists: there is one edition a year`, 'EDITION_YEAR_TAKEN');
      throw error;
    }
  }

  /** Every edition for the jury; the others see no drafts. Latest year first. */
  async list(viewer: AuthUser | null): Promise<EditionView[]> {
    const editions = await this.dataSource.getRepository(Edition).find({
      where: viewer?.role === Role.Jury ? {} : { status: Not(EditionStatus.Draft) },
      order: { year: 'DESC' },
    });
    return editions.map(toEditionView);
  }

  async get(id: string, viewer: AuthUser | null): Promise<EditionView> {
    return toEditionView(await this.findVisible(id, viewer));
  }

  /** The edition if the viewer may see it: a draft is the jury's only, and is a 404 for everyone else. */
  async findVisible(id: string, viewer: AuthUser | null): Promise<Edition> {
    const edition = await this.findOrFail(id);
    if (edition.status === EditionStatus.Draft && viewer?.role !== Role.Jury) throw notFound(id);
    return edition;
  }

  /** The edition, optionally read in `tx` with a row lock; 404 "edition <id> does not exist". */
  async findOrFail(id: string, tx?: EntityManager, options: { lock?: LockMode } = {}): Promise<Edition> {
    if (!isUuid(id)) throw notFound(id);
    const manager = tx ?? this.dataSource.manager;
    const edition = await manager.findOne(Edition, { where: { id }, ...(options.lock ? { lock: { mode: options.lock } } : {}) });
    if (!edition) throw notFound(id);
    return edition;
  }

  /** DRAFT → OPEN, once the edition has a category; then schedules its calendar jobs. */
  async open(id: string, actorId: string | null): Promise<EditionView> {
    const edition = await this.dataSource.transaction(async (tx) => {
      const edition = await this.findOrFail(id, tx, { lock: 'pessimistic_write' });
      if (edition.status !== EditionStatus.Draft)
        throw new ConflictError(`edition ${edition.year} is ${edition.status}: only a DRAFT edition can be opened`, 'EDITION_NOT_DRAFT');
      const categories = await tx.count(Category, { where: { editionId: id, status: CategoryStatus.Active } });
      if (categories === 0)
        throw new ConflictError(`edition ${edition.year} has no category: add at least one category before opening it`, 'EDITION_HAS_NO_CATEGORY');
      await tx.update(Edition, { id }, { status: EditionStatus.Open });
      await audit(tx, { actorId, action: 'edition.open', subjectType: 'edition', subjectId: id, details: { year: edition.year } });
      return { ...edition, status: EditionStatus.Open } as Edition;
    });
    await this.afterCommit(() => this.calendar.schedule(edition), `schedule the calendar of edition ${edition.year}`);
    return toEditionView(edition);
  }

  /**
   * Moves the deadline later, while the edition is OPEN, before the current deadline has passed and before
   * results are frozen; the new deadline stays ≤ paymentDueAt. Reschedules the calendar jobs.
   */
  async extendDeadline(id: string, dto: DeadlineExtension, actorId: string | null, now: Date = new Date()): Promise<EditionView> {
    const [before, after] = await this.dataSource.transaction(async (tx) => {
      const edition = await this.findOrFail(id, tx, { lock: 'pessimistic_write' });
      const zone = edition.timezone;
      if (edition.resultsFrozenAt)
        throw new ConflictError(`the results of edition ${edition.year} are frozen: its deadline can no longer change`, 'RESULTS_FROZEN');
      if (edition.status !== EditionStatus.Open) {
        throw new ConflictError(
          `edition ${edition.year} is ${edition.status}: the deadline can be extended only while registration is OPEN`,
          'REGISTRATION_NOT_OPEN',
        );
      }
      if (now.getTime() >= edition.registrationDeadline.getTime()) {
        throw new ConflictError(
          `the registration deadline has already passed (${formatInstant(edition.registrationDeadline, zone)}): a deadline can be extended only before it passes`,
          'REGISTRATION_CLOSED',
        );
      }
      const deadline = parseInstant('registrationDeadline', dto.registrationDeadline, zone);
      if (deadline.getTime() <= edition.registrationDeadline.getTime()) {
        throw new InvalidError(
          `registrationDeadline (${formatInstant(deadline, zone)}) must be later than the current deadline (${formatInstant(edition.registrationDeadline, zone)})`,
        );
      }
      if (deadline.getTime() > edition.paymentDueAt.getTime()) {
        throw new InvalidError(
          `registrationDeadline (${formatInstant(deadline, zone)}) must not be later than paymentDueAt (${formatInstant(edition.paymentDueAt, zone)})`,
        );
      }
      await tx.update(Edition, { id }, { registrationDeadline: deadline });
      await audit(tx, {
        actorId,
        action: 'edition.deadline-extension',
        subjectType: 'edition',
        subjectId: id,
        details: { from: edition.registrationDeadline.toISOString(), to: deadline.toISOString(), reason: dto.reason },
      });
      return [edition, { ...edition, registrationDeadline: deadline } as Edition];
    });
    await this.afterCommit(() => this.calendar.reschedule(before, after, now), `reschedule the calendar of edition ${after.year}`);
    return toEditionView(after);
  }

  /**
   * Moves an edition to `to` if its status is one of `from` (a conditional UPDATE, in the caller's transaction).
   * Returns whether it moved: a second call is a harmless no-op, so moving forward is idempotent.
   */
  /** Publication has frozen a version of the results at `at`. */
  async markResultsFrozen(tx: EntityManager, editionId: string, at: Date): Promise<void> {
    await tx.update(Edition, { id: editionId }, { resultsFrozenAt: at });
  }

  async advanceStatus(tx: EntityManager, editionId: string, from: EditionStatus[], to: EditionStatus): Promise<boolean> {
    if (!isUuid(editionId)) return false;
    const [rows] = (await tx.query(`UPDATE edition SET status = $2 WHERE id = $1 AND status = ANY($3) RETURNING id`, [editionId, to, from])) as [
      { id: string }[],
      number,
    ];
    if (rows.length === 0) return false;
    await audit(tx, { actorId: null, action: 'edition.status', subjectType: 'edition', subjectId: editionId, details: { from, to } });
    return true;
  }

  /** The request-time clock rule (see `registrationWindow`). */
  registrationWindow(edition: WindowEdition, now: Date = new Date()): RegistrationWindow {
    return registrationWindow(edition, now);
  }

  /** 409 naming the rule unless the edition accepts entries at `now` (see `assertAcceptingEntries`). */
  assertAcceptingEntries(edition: WindowEdition, now: Date = new Date()): void {
    assertAcceptingEntries(edition, now);
  }

  /** Queue work after a commit: a Redis failure is logged, and the worker's reconciler redoes it within its period. */
  private async afterCommit(work: () => Promise<unknown>, what: string): Promise<void> {
    try {
      await withinDeadline(work(), what);
    } catch (error) {
      this.logger.warn(`Could not ${what} now; the worker's reconciler will: ${(error as Error).message}`);
    }
  }
}

function notFound(id: string): NotFoundError {
  return new NotFoundError(`edition ${id} does not exist`);
}

export function toEditionView(edition: Edition): EditionView {
  const zone = edition.timezone;
  const instants = {
    registrationOpensAt: edition.registrationOpensAt,
    registrationDeadline: edition.registrationDeadline,
    paymentDueAt: edition.paymentDueAt,
    testPeriodStart: edition.testPeriodStart,
    testPeriodEnd: edition.testPeriodEnd,
    resultsPublishAt: edition.resultsPublishAt,
  };
  const utc = Object.fromEntries(Object.entries(instants).map(([k, v]) => [k, v.toISOString()])) as Record<keyof typeof instants, string>;
  const local = Object.fromEntries(Object.entries(instants).map(([k, v]) => [k, toLocalIso(v, zone)])) as Record<keyof typeof instants, string>;
  return {
    id: edition.id,
    year: edition.year,
    name: edition.name,
    timezone: zone,
    status: edition.status,
    ...utc,
    resultsFrozenAt: edition.resultsFrozenAt?.toISOString() ?? null,
    local: { ...local, resultsFrozenAt: edition.resultsFrozenAt ? toLocalIso(edition.resultsFrozenAt, zone) : null },
  };
}
