import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull, Not } from 'typeorm';
import { type AuthUser, type Recipient, companyRecipients } from '@app/accounts';
import { BillingService, Invoice, invoiceAttachment, InvoicePurpose } from '@app/billing';
import { CategoriesService, type Edition, Category, EditionStatus, EditionsService } from '@app/contest';
import { type Locale, UnitsOfWork, AppConfig, audit, formatEuros, formatInstant, ConflictError } from '@app/core';
import { type NotificationInput, type Outbox, NotificationsService } from '@app/notifications';
import { EntriesService } from '@app/registration';
import type { PublishedResultsView } from './results.types';
import { ResultsVersion } from './entities/results-version.entity';
import { rankedCount, type FrozenCategory, type FrozenFigures, type FrozenRow } from './figures';
import './templates';

/**
 * Publishing an edition's latest frozen results: the winners list and private reports become readable, every
 * entrant is told its outcome, each winner gets its logo-licence invoice.
 */
@Injectable()
export class PublicationService {
  constructor(
    private readonly editions: EditionsService,
    private readonly categories: CategoriesService,
    private readonly entries: EntriesService,
    private readonly notifications: NotificationsService,
    private readonly units: UnitsOfWork,
    private readonly billing: BillingService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Publishes the latest frozen version, at or after `resultsPublishAt`, in one transaction: the version is
   * stamped, the edition becomes PUBLISHED, ranked entries RANKED, each winner gets its logo-licence invoice,
   * and every entrant's users get the outcome e-mail (or the correction e-mail), once per version.
   */
  async publish(editionId: string, actor: AuthUser, now: Date = new Date()): Promise<PublishedResultsView> {
    return this.units.run(async (uow) => {
      const outbox = this.notifications.outbox(uow);
      const tx = outbox.tx;
      const edition = await this.editions.findOrFail(editionId, tx, { lock: 'pessimistic_write' });
      if (edition.status !== EditionStatus.Scoring && edition.status !== EditionStatus.Published) {
        throw new ConflictError(
          `edition ${edition.year} is ${edition.status}: results can be published only once the edition is SCORING`,
          'EDITION_NOT_SCORING',
        );
      }
      if (now.getTime() < edition.resultsPublishAt.getTime()) {
        throw new ConflictError(`results may be published from ${formatInstant(edition.resultsPublishAt, edition.timezone)}`, 'RESULTS_NOT_YET_PUBLISHABLE');
      }
      const latest = await tx.findOne(ResultsVersion, { where: { editionId }, order: { version: 'DESC' } });
      if (!latest) throw new ConflictError(`no results of edition ${edition.year} are frozen: freeze them before publishing`, 'RESULTS_NOT_FROZEN');
      if (latest.publishedAt) {
        throw new ConflictError(
          `version ${latest.version} of the results of edition ${edition.year} is already published (${formatInstant(latest.publishedAt, edition.timezone)}): freeze a correction to publish again`,
          'RESULTS_ALREADY_PUBLISHED',
        );
      }
      const previous = await tx.findOne(ResultsVersion, { where: { editionId, publishedAt: Not(IsNull()) }, order: { version: 'DESC' } });
      const [stamped]: [{ published_at: Date }[], number] = await tx.query(
        `UPDATE results_version SET published_at = now(), published_by = $2 WHERE id = $1 AND published_at IS NULL RETURNING published_at`,
        [latest.id, actor.id],
      );
      if (stamped.length === 0)
        throw new ConflictError(`version ${latest.version} of the results of edition ${edition.year} is already published`, 'RESULTS_ALREADY_PUBLISHED');
      const publishedAt = stamped[0].published_at;
      await this.editions.advanceStatus(tx, editionId, [EditionStatus.Scoring], EditionStatus.Published);

      const figures = latest.figures as FrozenFigures;
      const rankedEntryIds = figures.categories.filter((c) => !c.cancelled).flatMap((c) => c.rows.map((r) => r.entryId));
      const ranked = await this.entries.markRanked(tx, rankedEntryIds);

      const categories = new Map((await this.categories.listByEdition(editionId, tx)).map((c) => [c.id, c] as const));
      const licences = new Map<string, { invoice: Invoice; issued: boolean }>();
      for (const frozen of figures.categories) {
        const category = categories.get(frozen.categoryId);
        if (!category || frozen.cancelled) continue;
        for (const row of frozen.rows.filter((r) => r.winner)) {
          const licence = await this.licenceInvoice(tx, edition, category, row);
          if (licence) licences.set(row.entryId, licence);
        }
      }

      const sent = await this.tellEntrants(outbox, edition, latest, figures, licences, previous !== null);
      await audit(tx, {
        actorId: actor.id,
        action: previous ? 'results.publish-correction' : 'results.publish',
        subjectType: 'edition',
        subjectId: editionId,
        details: {
          resultsVersionId: latest.id,
          version: latest.version,
          digest: latest.digest,
          correctsVersion: previous?.version ?? null,
          entriesRanked: ranked,
          notifications: sent,
          licenceInvoices: [...licences.values()].filter((l) => l.issued).map((l) => l.invoice.number),
        },
      });
      return {
        id: latest.id,
        version: latest.version,
        digest: latest.digest,
        publishedAt,
        correction: previous !== null,
        entriesRanked: ranked,
        notifications: sent,
        licenceInvoices: [...licences.values()].map((l) => l.invoice.number),
      };
    });
  }

  /** The winner's logo-licence invoice; none is issued twice for an entry (nor for a zero fee). */
  private async licenceInvoice(tx: EntityManager, edition: Edition, category: Category, row: FrozenRow): Promise<{ invoice: Invoice; issued: boolean } | null> {
    const existing = await this.billing.invoiceOfEntry(tx, row.entryId, InvoicePurpose.Licence);
    if (existing) return { invoice: existing, issued: false };
    if (category.licenceFeeCents <= 0) return null;
    const invoice = await this.billing.issueInvoice(tx, {
      editionId: edition.id,
      companyId: row.companyId,
      entryId: row.entryId,
      purpose: InvoicePurpose.Licence,
      description: `Licence d’exploitation du logo « ${edition.name} ${edition.year} », catégorie ${category.name}, pour un an`,
      amountExclVatCents: category.licenceFeeCents,
      vatRateBp: category.vatRateBp,
    });
    return { invoice, issued: true };
  }

  /** One e-mail per user of every entrant's company; the dedupe key names the version, so a version tells each user once. */
  private async tellEntrants(
    outbox: Outbox,
    edition: Edition,
    version: ResultsVersion,
    figures: FrozenFigures,
    licences: Map<string, { invoice: Invoice; issued: boolean }>,
    correction: boolean,
  ): Promise<number> {
    const companyIds = [...new Set(figures.categories.flatMap((c) => c.rows.map((r) => r.companyId)))];
    const byCompany = new Map<string, Recipient[]>();
    for (const recipient of await companyRecipients(outbox.tx, companyIds)) {
      byCompany.set(recipient.companyId!, [...(byCompany.get(recipient.companyId!) ?? []), recipient]);
    }
    const base = this.config.PUBLIC_URL.replace(/\/+$/, '');
    const inputs: NotificationInput[] = [];
    for (const category of figures.categories) {
      const of = rankedCount(category);
      for (const row of category.rows) {
        const licence = licences.get(row.entryId);
        for (const r of byCompany.get(row.companyId) ?? []) {
          const data = {
            companyName: r.companyName ?? row.companyName,
            editionName: edition.name,
            editionYear: edition.year,
            categoryName: category.name,
            outcome: outcomeText(category, row, of, r.locale),
            licenceNote: licence ? licenceText(licence.invoice, licence.issued, r.locale) : '',
            reportUrl: `${base}/entries/${row.entryId}/report`,
          };
          const attachments = licence?.issued ? [invoiceAttachment(licence.invoice)] : [];
          inputs.push(
            correction
              ? {
                  template: 'results-corrected',
                  to: r.email,
                  locale: r.locale,
                  data: { ...data, version: version.version, reason: version.reason ?? '' },
                  dedupeKey: `results-corrected:${version.id}:${row.entryId}:${r.userId}`,
                  attachments,
                }
              : {
                  template: 'results-outcome',
                  to: r.email,
                  locale: r.locale,
                  data,
                  dedupeKey: `results-outcome:${version.id}:${row.entryId}:${r.userId}`,
                  attachments,
                },
          );
        }
      }
    }
    await outbox.notify(...inputs);
    return inputs.length;
  }
}

/** The outcome in words: winner, rank R of N (with "no winner" when the title is not awarded), insufficient data, category cancelled. */
export function outcomeText(category: FrozenCategory, row: FrozenRow, of: number, locale: Locale): string {
  const en = locale === 'en';
  if (category.cancelled || category.outcome === 'CANCELLED') return en ? 'category cancelled' : 'catégorie annulée';
  if (row.rank === null)
    return en ? 'insufficient data: not ranked, cannot win the title' : 'données insuffisantes : non classée, ne peut pas remporter le titre';
  if (row.winner) return en ? `winner of the title (rank ${row.rank} of ${of})` : `lauréate du titre (rang ${row.rank} sur ${of})`;
  const noWinner =
    category.outcome === 'NO_WINNER' ? (en ? '; no title is awarded in this category' : ' ; le titre n’est pas décerné dans cette catégorie') : '';
  return en ? `rank ${row.rank} of ${of}${noWinner}` : `rang ${row.rank} sur ${of}${noWinner}`;
}

function licenceText(invoice: Invoice, attached: boolean, locale: Locale): string {
  const amount = formatEuros(invoice.totalCents, locale);
  if (locale === 'en') {
    return `You may use the title's logo for one year: licence invoice ${invoice.number} (${amount} incl. VAT) ${attached ? 'is attached' : 'was sent with the first results e-mail'}.`;
  }
  return `Vous pouvez exploiter le logo du titre pendant un an : la facture de licence ${invoice.number} (${amount} TTC) ${attached ? 'est jointe' : 'vous a été envoyée avec le premier e-mail de résultats'}.`;
}
