import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { EntryFees, invoiceAttachment } from '@app/billing';
import { type Edition, CategoriesService, Category, CategoryStatus, EditionStatus, EditionsService } from '@app/contest';
import { UnitsOfWork, formatEuros, formatInstant, JobId, QueueName, type JobQueue } from '@app/core';
import { NotificationsService, type Outbox } from '@app/notifications';
import { EntriesService, EntryStatus, LIVE_ENTRY_STATUSES as LIVE, type Entry } from '@app/registration';

/** What a calendar step did; a step run again, late, or after a lost job does nothing more. */
export interface StepOutcome {
  step: string;
  done: boolean;
  detail?: Record<string, number>;
}

/**
 * The timed steps of an edition's calendar, run by the `edition-calendar` jobs. Each step re-reads the
 * clock and the state, so a job that runs early (after an extension), twice, late, or after having
 * been lost and rescheduled gives the same result.
 */
@Injectable()
export class CalendarSteps {
  private readonly logger = new Logger(CalendarSteps.name);

  constructor(
    private readonly notifications: NotificationsService,
    private readonly editions: EditionsService,
    private readonly categories: CategoriesService,
    private readonly entries: EntriesService,
    private readonly entryFees: EntryFees,
    private readonly units: UnitsOfWork,
    @InjectQueue(QueueName.Tasks) private readonly tasks: JobQueue<typeof QueueName.Tasks>,
  ) {}

  /** D-7 and D-1: every company with an entry still unpaid is reminded, once per reminder. */
  async remindUnpaid(editionId: string, daysBefore: 7 | 1, now = new Date()): Promise<StepOutcome> {
    const edition = await this.editions.findOrFail(editionId);
    if (edition.status !== EditionStatus.Open || now >= edition.registrationDeadline) return { step: `reminder-D${daysBefore}`, done: false };
    return this.units.run(async (uow) => {
      const outbox = this.notifications.outbox(uow);
      const unpaid = await this.entries.entriesOf(outbox.tx, { editionId, status: [EntryStatus.PendingPayment] });
      const categories = await this.categoriesById(unpaid);
      const invoices = await this.entryFees.entryInvoices(unpaid.map((e) => e.id));
      for (const entry of unpaid) {
        const invoice = invoices.get(entry.id);
        await this.entries.tellCompany(
          outbox,
          entry,
          categories.get(entry.categoryId)!,
          edition,
          'deadline-reminder',
          (r) => ({
            daysBefore,
            deadline: formatInstant(edition.registrationDeadline, edition.timezone),
            invoiceNumber: invoice?.number ?? '',
            total: formatEuros(invoice?.totalCents ?? 0, r.locale),
          }),
          [],
          `deadline-reminder-D${daysBefore}`,
        );
      }
      return { step: `reminder-D${daysBefore}`, done: true, detail: { reminded: unpaid.length } };
    });
  }

  /**
   * At the deadline: OPEN → CLOSED, every entrant told, and a category that can no longer reach its
   * minimum (fewer live entries than `minEntries`) cancelled at once. Only the run that moves the edition out
   * of OPEN does anything: the move and its effects commit together, so a re-run (a job Redis lost and the
   * worker re-scheduled, or one cleaned from the dashboard) finds the edition past it and changes nothing.
   */
  async closeRegistration(editionId: string, now = new Date()): Promise<StepOutcome> {
    const edition = await this.editions.findOrFail(editionId);
    if (now < edition.registrationDeadline) return { step: 'registration-close', done: false };
    return this.units.run(async (uow) => {
      const outbox = this.notifications.outbox(uow);
      if (!(await this.editions.advanceStatus(outbox.tx, editionId, [EditionStatus.Open], EditionStatus.Closed)))
        return { step: 'registration-close', done: false };
      const live = await this.entries.entriesOf(outbox.tx, { editionId, status: LIVE });
      const cancelled = await this.cancelUnviableCategories(outbox, edition, live, 'live');
      const categories = await this.categoriesById(live);
      const stillLive = await this.entries.entriesOf(outbox.tx, { editionId, status: LIVE });
      for (const entry of stillLive) {
        await this.entries.tellCompany(outbox, entry, categories.get(entry.categoryId)!, edition, 'registration-closed', (r) => ({
          status: statusLabel(entry.status, r.locale),
        }));
      }
      return { step: 'registration-close', done: true, detail: { told: stillLive.length, cancelledCategories: cancelled } };
    });
  }

  /**
   * At the payment due date: every entry still unpaid is excluded (its invoice cancelled by a credit
   * note, its company told), then a category left with fewer paid entries than its minimum is cancelled.
   * It applies only while the edition is CLOSED (it closes it first if that step was lost): once the test period
   * has started the paid entries are IN_TEST, and counting CONFIRMED ones would cancel every category. Run again
   * while CLOSED, it finds nothing unpaid and the same paid entries, so it changes nothing.
   */
  async applyPaymentDue(editionId: string, now = new Date()): Promise<StepOutcome> {
    const edition = await this.editions.findOrFail(editionId);
    if (now < edition.paymentDueAt) return { step: 'payment-due', done: false };
    await this.closeRegistration(editionId, now);
    return this.units.run(async (uow) => {
      const outbox = this.notifications.outbox(uow);
      // Locked, so a test-period start in another worker waits for this step, and this one sees its result.
      if ((await this.editions.findOrFail(editionId, outbox.tx, { lock: 'pessimistic_write' })).status !== EditionStatus.Closed) {
        return { step: 'payment-due', done: false };
      }
      const unpaid = await this.entries.entriesOf(outbox.tx, { editionId, status: [EntryStatus.PendingPayment] });
      const reason = {
        fr: `facture impayée à l’échéance du ${formatInstant(edition.paymentDueAt, edition.timezone)}`,
        en: `invoice unpaid at the due date, ${formatInstant(edition.paymentDueAt, edition.timezone)}`,
      };
      await this.entries.exclude(outbox.tx, unpaid, reason.fr);
      await this.entryFees.creditEntryInvoices(
        outbox.tx,
        unpaid.map((e) => e.id),
        'Inscription exclue : facture impayée à l’échéance',
      );
      const categories = await this.categoriesById(unpaid);
      for (const entry of unpaid) {
        await this.entries.tellCompany(outbox, entry, categories.get(entry.categoryId)!, edition, 'entry-excluded', (r) => ({ reason: reason[r.locale] }));
      }
      const paid = await this.entries.entriesOf(outbox.tx, { editionId, status: [EntryStatus.Confirmed] });
      const cancelled = await this.cancelUnviableCategories(outbox, edition, paid, 'paid');
      return { step: 'payment-due', done: true, detail: { excluded: unpaid.length, cancelledCategories: cancelled } };
    });
  }

  /**
   * The test period starts: the payment due date applied first if that step was lost, then CLOSED → TESTING and
   * the confirmed entries go into test, once (with the move). The generation job is added while the edition is in
   * test: generation is idempotent and queues whatever it finds PENDING, so a repeated step only recovers.
   */
  async startTestPeriod(editionId: string, now = new Date()): Promise<StepOutcome> {
    const edition = await this.editions.findOrFail(editionId);
    if (now < edition.testPeriodStart) return { step: 'test-period-start', done: false };
    await this.applyPaymentDue(editionId, now);
    const outcome = await this.units.run(async (uow) => {
      if (!(await this.editions.advanceStatus(uow.tx, editionId, [EditionStatus.Closed], EditionStatus.Testing)))
        return { step: 'test-period-start', done: false };
      return { step: 'test-period-start', done: true, detail: { inTest: await this.entries.putInTest(uow.tx, editionId) } };
    });
    // Added whenever the edition is in test: generation is idempotent and queues whatever it finds PENDING.
    if ((await this.editions.findOrFail(editionId)).status === EditionStatus.Testing) {
      await this.tasks.add('generate-tasks', { editionId }, { jobId: JobId.taskGeneration(editionId) });
    }
    return outcome;
  }

  /** The test period ends: TESTING → SCORING; the jury may now freeze the rankings. */
  async endTestPeriod(editionId: string, now = new Date()): Promise<StepOutcome> {
    const edition = await this.editions.findOrFail(editionId);
    if (now < edition.testPeriodEnd) return { step: 'test-period-end', done: false };
    const moved = await this.units.run((uow) => this.editions.advanceStatus(uow.tx, editionId, [EditionStatus.Testing], EditionStatus.Scoring));
    return { step: 'test-period-end', done: true, detail: { moved: Number(moved) } };
  }

  /** Cancels each active category whose `counted` entries are fewer than its minimum; returns how many. */
  private async cancelUnviableCategories(outbox: Outbox, edition: Edition, counted: Entry[], what: 'live' | 'paid'): Promise<number> {
    const active = (await this.categories.listByEdition(edition.id, outbox.tx)).filter((c) => c.status === CategoryStatus.Active);
    let cancelled = 0;
    for (const category of active) {
      const count = counted.filter((e) => e.categoryId === category.id).length;
      if (count >= category.minEntries) continue;
      if (!(await this.categories.cancel(outbox.tx, category.id))) continue;
      cancelled++;
      this.logger.log(`Category ${category.code} of ${edition.name} cancelled: ${count} ${what} entries, minimum ${category.minEntries}`);
      const entrants = await this.entries.entriesOf(outbox.tx, { categoryId: category.id, status: LIVE });
      await this.entries.exclude(outbox.tx, entrants, `catégorie annulée : moins de ${category.minEntries} inscriptions payées`);
      const creditNotes = await this.entryFees.creditEntryInvoices(
        outbox.tx,
        entrants.map((e) => e.id),
        `Catégorie ${category.name} annulée`,
      );
      for (const entry of entrants) {
        const creditNote = creditNotes.get(entry.id);
        await this.entries.tellCompany(
          outbox,
          entry,
          category,
          edition,
          'category-cancelled',
          () => ({ minEntries: category.minEntries, creditNoteNumber: creditNote?.number ?? '' }),
          creditNote ? [invoiceAttachment(creditNote)] : [],
        );
      }
    }
    return cancelled;
  }

  private async categoriesById(entries: Entry[]): Promise<Map<string, Category>> {
    const ids = [...new Set(entries.map((e) => e.categoryId))];
    return new Map(await Promise.all(ids.map(async (id) => [id, await this.categories.findOrFail(id)] as const)));
  }
}

function statusLabel(status: EntryStatus, locale: 'fr' | 'en'): string {
  const labels: Partial<Record<EntryStatus, [string, string]>> = {
    [EntryStatus.PendingPayment]: ['en attente de paiement', 'awaiting payment'],
    [EntryStatus.Confirmed]: ['confirmée', 'confirmed'],
  };
  const label = labels[status] ?? [status, status];
  return locale === 'en' ? label[1] : label[0];
}
