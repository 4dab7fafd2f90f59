import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { companyRecipients, Role, type AuthUser, type Locale, type Recipient } from '@app/accounts';
import { BillingService, Invoice, invoiceAttachment, InvoiceKind, InvoicePurpose } from '@app/billing';
import { Category, EditionStatus, EditionsService, UUID_PATTERN, type Edition } from '@app/contest';
import { AppConfig, audit, formatEuros, formatInstant, isUniqueViolation, ConflictError, InvalidError, NotFoundError } from '@app/core';
import { NotificationsService, type NotificationInput, type Outbox } from '@app/notifications';
import { RankingsService } from '@app/scoring';
import type { FreezeResultsDto } from './dto/results.dto';
import type { EntryReport, FrozenResultsView, PublishedResultsView, ResultsVersionDetail, ResultsVersionSummary, WinnersView } from './dto/report.dto';
import { ResultsVersion } from './entities/results-version.entity';
import { publicCategories, rankedCount, round2, roundRecord, type FrozenCategory, type FrozenFigures, type FrozenRow } from './figures';
import { reportBreakdown } from './report-breakdown';
import './templates';

/** Postgres: a REPEATABLE READ transaction met a concurrent change of a row it locks. */
const PG_SERIALIZATION_FAILURE = '40001';
const FREEZE_ATTEMPTS = 5;

function isRetryableFreezeConflict(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return (e?.driverError?.code ?? e?.code) === PG_SERIALIZATION_FAILURE || isUniqueViolation(error, 'results_version_per_edition');
}

/**
 * Freezing, publishing and correcting an edition's results. A freeze stores every figure with the digest of
 * its inputs; publishing makes the latest frozen version public (winners list, private reports, outcome
 * e-mails, licence invoices). A published version never changes: a correction is a new version with its reason.
 */
@Injectable()
export class PublicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly editions: EditionsService,
    private readonly rankings: RankingsService,
    private readonly notifications: NotificationsService,
    private readonly billing: BillingService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Snapshots the rankings and their inputs' digest as the next version, in one REPEATABLE READ transaction
   * (figures and digest come from the same snapshot of the evaluations). While SCORING, or after publication as
   * a correction, which needs a reason.
   */
  async freeze(editionId: string, actor: AuthUser, dto: FreezeResultsDto): Promise<FrozenResultsView> {
    // A concurrent freeze or publication changes the edition row this snapshot locks: Postgres refuses the
    // transaction (serialization failure), and a fresh attempt sees the other's version and comes after it.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.freezeOnce(editionId, actor, dto);
      } catch (error) {
        if (!isRetryableFreezeConflict(error)) throw error;
        if (attempt >= FREEZE_ATTEMPTS)
          throw new ConflictError('the results of this edition are being frozen or published by another request: try again', 'RESULTS_BUSY');
      }
    }
  }

  private async freezeOnce(editionId: string, actor: AuthUser, dto: FreezeResultsDto): Promise<FrozenResultsView> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const edition = await this.editions.findOrFail(editionId, tx, { lock: 'pessimistic_write' });
      if (edition.status !== EditionStatus.Scoring && edition.status !== EditionStatus.Published) {
        throw new ConflictError(
          `edition ${edition.year} is ${edition.status}: results can be frozen only while the edition is SCORING (or, as a correction, once PUBLISHED)`,
          'EDITION_NOT_SCORING',
        );
      }
      const last = await tx.findOne(ResultsVersion, { where: { editionId }, order: { version: 'DESC' } });
      const published = await tx.count(ResultsVersion, { where: { editionId, publishedAt: Not(IsNull()) } });
      const reason = dto.reason?.trim() || null;
      if (published > 0 && !reason) {
        throw new InvalidError(`the results of edition ${edition.year} are published: a correction needs a reason (3 to 1000 characters)`);
      }
      const version = (last?.version ?? 0) + 1;
      const figures = await this.rankings.compute(editionId, tx);
      const digest = await this.rankings.inputsDigest(editionId, tx);
      const storedReason = reason ?? (version > 1 ? `frozen again before publication; supersedes version ${version - 1}` : null);
      const [row]: { id: string; frozen_at: Date }[] = await tx.query(
        `INSERT INTO results_version (edition_id, version, digest, figures, reason, frozen_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, frozen_at`,
        [editionId, version, digest, JSON.stringify(figures), storedReason, actor.id],
      );
      await tx.query(`UPDATE edition SET results_frozen_at = $2 WHERE id = $1`, [editionId, row.frozen_at]);
      await audit(tx, {
        actorId: actor.id,
        action: published > 0 ? 'results.freeze-correction' : 'results.freeze',
        subjectType: 'edition',
        subjectId: editionId,
        details: { resultsVersionId: row.id, version, digest, reason: storedReason },
      });
      return { id: row.id, version, digest, frozenAt: row.frozen_at, reason: storedReason, categories: (figures as unknown as FrozenFigures).categories };
    });
  }

  /**
   * Publishes the latest frozen version, at or after `resultsPublishAt`, in one transaction: the version is
   * stamped, the edition becomes PUBLISHED, ranked entries RANKED, each winner gets its logo-licence invoice,
   * and every entrant's users get the outcome e-mail (or the correction e-mail), once per version.
   */
  async publish(editionId: string, actor: AuthUser, now: Date = new Date()): Promise<PublishedResultsView> {
    return this.notifications.transaction(async (outbox) => {
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
      const [rankedRows]: [{ id: string }[], number] = await tx.query(
        `UPDATE entry SET status = 'RANKED' WHERE id = ANY($1) AND status = 'IN_TEST' RETURNING id`,
        [rankedEntryIds],
      );

      const categories = new Map((await tx.findBy(Category, { id: In(figures.categories.map((c) => c.categoryId)) })).map((c) => [c.id, c] as const));
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
          entriesRanked: rankedRows.length,
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
        entriesRanked: rankedRows.length,
        notifications: sent,
        licenceInvoices: [...licences.values()].map((l) => l.invoice.number),
      };
    });
  }

  /** Every version of the edition's results, oldest first (the jury's audit view). */
  async versions(editionId: string): Promise<ResultsVersionSummary[]> {
    await this.editions.findOrFail(editionId);
    const versions = await this.dataSource.manager.find(ResultsVersion, {
      where: { editionId },
      order: { version: 'ASC' },
      select: { id: true, version: true, digest: true, reason: true, frozenAt: true, frozenBy: true, publishedAt: true, publishedBy: true },
    });
    return versions.map(summaryOf);
  }

  /** One version with every frozen figure, exact (not rounded). */
  async version(editionId: string, version: string): Promise<ResultsVersionDetail> {
    const edition = await this.editions.findOrFail(editionId);
    const number = /^\d{1,9}$/.test(version) ? Number(version) : NaN;
    const found = Number.isInteger(number) ? await this.dataSource.manager.findOneBy(ResultsVersion, { editionId, version: number }) : null;
    if (!found) throw new NotFoundError(`edition ${edition.year} has no results version ${version}`);
    return { ...summaryOf(found), figures: found.figures as FrozenFigures };
  }

  /** The public winners list, from the latest published version; 404 until results are published. Non-winners are never named. */
  async winners(editionId: string): Promise<WinnersView> {
    const edition = await this.editions.findVisible(editionId, null);
    const [latest, previous] = await this.dataSource.manager.find(ResultsVersion, {
      where: { editionId, publishedAt: Not(IsNull()) },
      order: { version: 'DESC' },
      take: 2,
    });
    if (!latest) {
      throw new NotFoundError(
        `the results of edition ${edition.year} are not published yet (they may be from ${formatInstant(edition.resultsPublishAt, edition.timezone)})`,
      );
    }
    const figures = latest.figures as FrozenFigures;
    return {
      editionId,
      editionYear: edition.year,
      editionName: edition.name,
      version: latest.version,
      digest: latest.digest,
      publishedAt: latest.publishedAt!,
      correctedFrom: previous ? { version: previous.version, publishedAt: previous.publishedAt, reason: latest.reason } : null,
      categories: publicCategories(figures),
    };
  }

  /**
   * An entrant's report, from the latest published version. Another company's entry, or any entry before
   * publication, is a 404 for a company; the jury may also read the latest frozen version before publication.
   */
  async report(entryId: string, user: AuthUser): Promise<EntryReport> {
    const missing = () => new NotFoundError(`entry ${entryId} does not exist`);
    if (!UUID_PATTERN.test(entryId)) throw missing();
    const [entry]: { id: string; edition_id: string; company_id: string }[] = await this.dataSource.query(
      `SELECT id, edition_id, company_id FROM entry WHERE id = $1`,
      [entryId],
    );
    const jury = user.role === Role.Jury;
    if (!entry || (!jury && entry.company_id !== user.companyId)) throw missing();
    const manager = this.dataSource.manager;
    const version =
      (await manager.findOne(ResultsVersion, { where: { editionId: entry.edition_id, publishedAt: Not(IsNull()) }, order: { version: 'DESC' } })) ??
      (jury ? await manager.findOne(ResultsVersion, { where: { editionId: entry.edition_id }, order: { version: 'DESC' } }) : null);
    if (!version) throw new NotFoundError(`there is no report for entry ${entryId}: reports are available once the results are published`);
    const figures = version.figures as FrozenFigures;
    const category = figures.categories.find((c) => c.rows.some((r) => r.entryId === entryId));
    if (!category) throw new NotFoundError(`entry ${entryId} is not in the results (it was not tested): there is no report for it`);
    const row = category.rows.find((r) => r.entryId === entryId)!;
    const edition = await this.editions.findOrFail(entry.edition_id);
    return {
      entryId,
      editionId: edition.id,
      editionYear: edition.year,
      editionName: edition.name,
      companyName: row.companyName,
      categoryCode: category.code,
      categoryName: category.name,
      categoryOutcome: category.outcome,
      rank: row.rank,
      of: rankedCount(category),
      entrants: category.entrants,
      score: round2(row.score),
      marginOfError: round2(row.marginOfError),
      eligible: row.eligible,
      insufficientChannels: row.insufficientChannels,
      winner: row.winner,
      approvedCount: row.approvedCount,
      channelScores: roundRecord(row.channelScores),
      ...reportBreakdown(category, row, (await this.dataSource.manager.findOneBy(Category, { id: category.categoryId }))?.grids ?? {}),
      scoreInterval:
        row.score !== null && row.marginOfError !== null
          ? { low: round2(Math.max(0, row.score - row.marginOfError))!, high: round2(Math.min(20, row.score + row.marginOfError))! }
          : null,
      categoryAverage: round2(category.average),
      awardThreshold: category.awardThreshold,
      version: version.version,
      digest: version.digest,
      frozenAt: version.frozenAt,
      publishedAt: version.publishedAt,
      published: version.publishedAt !== null,
    };
  }

  /** The winner's logo-licence invoice; none is issued twice for an entry (nor for a zero fee). */
  private async licenceInvoice(tx: EntityManager, edition: Edition, category: Category, row: FrozenRow): Promise<{ invoice: Invoice; issued: boolean } | null> {
    const existing = await tx.findOneBy(Invoice, { entryId: row.entryId, purpose: InvoicePurpose.Licence, kind: InvoiceKind.Invoice });
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

function summaryOf(v: ResultsVersion): ResultsVersionSummary {
  return {
    id: v.id,
    version: v.version,
    digest: v.digest,
    reason: v.reason,
    frozenAt: v.frozenAt,
    frozenBy: v.frozenBy,
    publishedAt: v.publishedAt,
    publishedBy: v.publishedBy,
  };
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
