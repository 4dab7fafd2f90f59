import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { Role, type AuthUser } from '@app/accounts';
import { CategoriesService, EditionsService } from '@app/contest';
import { formatInstant, isUuid, pick, NotFoundError, ReadReplica } from '@app/core';
import { EntriesService } from '@app/registration';
import type { EntryReport, ResultsVersionSummary, WinnersView } from './results.types';
import { ResultsVersion } from './entities/results-version.entity';
import { publicCategories, rankedCount, round2, roundRecord, type FrozenFigures } from './figures';
import { reportBreakdown } from './report-breakdown';

/** What is read of the results: the jury's versions, the public winners and each entrant's private report. */
@Injectable()
export class ResultsReads {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly replica: ReadReplica,
    private readonly editions: EditionsService,
    private readonly categories: CategoriesService,
    private readonly entries: EntriesService,
  ) {}

  /** Every version of the edition's results, oldest first (the jury's audit view). */
  async versions(editionId: string): Promise<ResultsVersionSummary[]> {
    await this.editions.findOrFail(editionId);
    const versions = await this.dataSource.manager.find(ResultsVersion, {
      where: { editionId },
      order: { version: 'ASC' },
      select: Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, true])),
    });
    return versions.map(summaryOf);
  }

  /** One version with every frozen figure, exact (not rounded). */
  async version(editionId: string, version: string): Promise<ResultsVersionSummary & { figures: FrozenFigures }> {
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
    if (!isUuid(entryId)) throw missing();
    const entry = await this.entries.findById(entryId);
    const jury = user.role === Role.Jury;
    if (!entry || (!jury && entry.companyId !== user.companyId)) throw missing();
    const manager = this.dataSource.manager;
    // A company reads a published version, which never changes: from the replica when there is one (the jury, who may
    // read a version frozen a moment ago, from the primary).
    const published = jury ? manager : (await this.replica.dataSource()).manager;
    const version =
      (await published.findOne(ResultsVersion, { where: { editionId: entry.editionId, publishedAt: Not(IsNull()) }, order: { version: 'DESC' } })) ??
      (jury ? await manager.findOne(ResultsVersion, { where: { editionId: entry.editionId }, order: { version: 'DESC' } }) : null);
    if (!version) throw new NotFoundError(`there is no report for entry ${entryId}: reports are available once the results are published`);
    const figures = version.figures as FrozenFigures;
    const category = figures.categories.find((c) => c.rows.some((r) => r.entryId === entryId));
    if (!category) throw new NotFoundError(`entry ${entryId} is not in the results (it was not tested): there is no report for it`);
    const row = category.rows.find((r) => r.entryId === entryId)!;
    const edition = await this.editions.findOrFail(entry.editionId);
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
      ...reportBreakdown(category, row, (await this.categories.findOrFail(category.categoryId)).grids ?? {}),
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
}

const SUMMARY_FIELDS = ['id', 'version', 'digest', 'reason', 'frozenAt', 'frozenBy', 'publishedAt', 'publishedBy'] as const;

const summaryOf = (v: ResultsVersion): ResultsVersionSummary => pick(v, SUMMARY_FIELDS);
