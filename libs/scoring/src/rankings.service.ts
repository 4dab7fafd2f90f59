import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { EditionStatus, type Channel } from '@app/contest';
import { DIGEST_SQL, GRIDS_SQL, RANKINGS_SQL } from './rankings.sql';
import type { CategoryRanking, EditionRankings, ShopperBias } from './rankings.types';
import { ConflictError, NotFoundError } from '@app/core';

/** Editions whose rankings can be read: from the test period on. */
export const RANKABLE_STATUSES: readonly EditionStatus[] = [EditionStatus.Testing, EditionStatus.Scoring, EditionStatus.Published];

/**
 * Settings for the rankings statement only (measured with `npm run bench:rankings`). It hashes per-channel
 * JSON and the shopper bias's per-shopper sums: the default work_mem (4 MB) can spill them to disk. Its
 * aggregates are few and small once the evaluations are grouped (that grouping comes pre-sorted from
 * evaluation_approved_sums_idx), so they are hashed rather than sorted (the window functions of the ranking
 * still sort: they have no other way). JIT compilation costs more than it saves.
 */
const PLANNER_SETTINGS: Record<string, string> = {
  work_mem: '256MB',
  jit: 'off',
  enable_sort: 'off',
};

/** A category as the statement returns it: the award threshold is a numeric, which pg hands over as text. */
type CategoryRecord = Omit<CategoryRanking, 'awardThreshold'> & { awardThreshold: number | string };

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * The rankings of an edition, computed in Postgres from the APPROVED evaluations (see rankings.sql.ts for
 * the arithmetic), and the digest of their inputs. Read-only: provisional at any time from the test
 * period on; freezing is the publication module's.
 */
@Injectable()
export class RankingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The jury's provisional rankings: 404 for an unknown edition, 409 before the test period. */
  async provisional(editionId: string): Promise<EditionRankings> {
    const [edition] = await this.dataSource.query(`SELECT status FROM edition WHERE id = $1`, [editionId]);
    if (!edition) throw new NotFoundError(`edition ${editionId} does not exist`);
    if (!RANKABLE_STATUSES.includes(edition.status))
      throw new ConflictError(
        `edition ${editionId} is ${edition.status}: rankings exist from the test period on (TESTING, SCORING, PUBLISHED)`,
        'RANKINGS_NOT_AVAILABLE',
      );
    return this.compute(editionId);
  }

  /**
   * Every category's ranking and the shopper bias, from one snapshot. With `manager`, runs in the
   * caller's transaction (so a freeze reads the same data it digests); otherwise in a read-only
   * REPEATABLE READ transaction of its own.
   */
  async compute(editionId: string, manager?: EntityManager): Promise<EditionRankings> {
    return this.inTransaction(manager, async (m) => {
      const results = await this.withPlannerSettings(
        m,
        async () => (await m.query(RANKINGS_SQL, [editionId, ...(await this.gridParameters(m, editionId))])) as { kind: 'category' | 'bias'; data: unknown }[],
      );
      const bias = (results.find((r) => r.kind === 'bias')?.data ?? []) as (Omit<ShopperBias, 'meanDeviation'> & { meanDeviation: number | string })[];
      return {
        editionId,
        categories: results.filter((r) => r.kind === 'category').map((r) => this.category(r.data as CategoryRecord)),
        shopperBias: bias.map((b) => ({ shopperId: b.shopperId, name: b.name, evaluations: Number(b.evaluations), meanDeviation: Number(b.meanDeviation) })),
      };
    });
  }

  /**
   * SHA-256 (hex) of the rankings' inputs: every category's rules ordered by code, then the hash of every
   * APPROVED evaluation's line (ids, channel, shopper, answers as stored), ordered by category and id (see DIGEST_SQL).
   */
  async inputsDigest(editionId: string, manager?: EntityManager): Promise<string> {
    const [{ digest }] = await (manager ?? this.dataSource).query(DIGEST_SQL, [editionId]);
    return digest;
  }

  /** Runs `work` with PLANNER_SETTINGS local to the transaction, then puts the caller's settings back. */
  private async withPlannerSettings<T>(m: EntityManager, work: () => Promise<T>): Promise<T> {
    const names = Object.keys(PLANNER_SETTINGS);
    const [previous]: Record<string, string>[] = await m.query(`SELECT ${names.map((n) => `current_setting('${n}') AS "${n}"`).join(', ')}`);
    const apply = (values: Record<string, string>) =>
      m.query(
        `SELECT ${names.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
        names.flatMap((n) => [n, values[n]]),
      );
    await apply(PLANNER_SETTINGS);
    const result = await work(); // on error the transaction is aborted, and its settings with it
    await apply(previous);
    return result;
  }

  /** The criteria of the edition's grids as parallel arrays: category, channel, key, weight, max. */
  private async gridParameters(m: EntityManager, editionId: string): Promise<unknown[]> {
    const criteria: { categoryId: string; channel: string; criterionKey: string; weight: string; max: string }[] = await m.query(GRIDS_SQL, [editionId]);
    return [
      criteria.map((c) => c.categoryId),
      criteria.map((c) => c.channel),
      criteria.map((c) => c.criterionKey),
      criteria.map((c) => c.weight),
      criteria.map((c) => c.max),
    ];
  }

  private category(c: CategoryRecord): CategoryRanking {
    return {
      categoryId: c.categoryId,
      code: c.code,
      name: c.name,
      cancelled: c.cancelled,
      contested: c.contested,
      minEntries: c.minEntries,
      awardThreshold: Number(c.awardThreshold),
      entrants: c.entrants,
      average: num(c.average),
      statisticalTie: c.statisticalTie,
      outcome: c.outcome,
      rows: c.rows.map((r) => ({
        entryId: r.entryId,
        companyId: r.companyId,
        companyName: r.companyName,
        rank: num(r.rank),
        score: num(r.score),
        marginOfError: num(r.marginOfError),
        eligible: r.eligible,
        insufficientChannels: r.insufficientChannels as Channel[],
        winner: r.winner,
        approvedCount: Number(r.approvedCount),
        stdDev: num(r.stdDev),
        channelScores: Object.fromEntries(Object.entries(r.channelScores).map(([k, v]) => [k, num(v)])),
        criterionScores: Object.fromEntries(
          Object.entries(r.criterionScores).map(([channel, points]) => [channel, Object.fromEntries(Object.entries(points).map(([k, v]) => [k, Number(v)]))]),
        ),
      })),
    };
  }

  private async inTransaction<T>(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (manager?.queryRunner?.isTransactionActive) return work(manager);
    return (manager ?? this.dataSource.manager).transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      return work(m);
    });
  }
}
