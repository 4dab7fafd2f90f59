import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import type { AuthUser } from '@app/accounts';
import { EditionStatus, EditionsService } from '@app/contest';
import { audit, isSerializationFailure, isUniqueViolation, ConflictError, InvalidError } from '@app/core';
import { RankingsService } from '@app/scoring';
import type { FrozenResultsView, NewResultsVersion } from './results.types';
import { ResultsVersion } from './entities/results-version.entity';
import type { FrozenFigures } from './figures';

const FREEZE_ATTEMPTS = 5;

function isRetryableFreezeConflict(error: unknown): boolean {
  return isSerializationFailure(error) || isUniqueViolation(error, 'results_version_per_edition');
}

/**
 * Freezing an edition's results: a new version stores every figure with the digest of its inputs. A published
 * version never changes: a correction is a new version with its reason.
 */
@Injectable()
export class ResultsFreeze {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly editions: EditionsService,
    private readonly rankings: RankingsService,
  ) {}

  /**
   * Snapshots the rankings and their inputs' digest as the next version, in one REPEATABLE READ transaction
   * (figures and digest come from the same snapshot of the evaluations). While SCORING, or after publication as
   * a correction, which needs a reason.
   */
  async freeze(editionId: string, actor: AuthUser, dto: NewResultsVersion): Promise<FrozenResultsView> {
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

  private async freezeOnce(editionId: string, actor: AuthUser, dto: NewResultsVersion): Promise<FrozenResultsView> {
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
      await this.editions.markResultsFrozen(tx, editionId, row.frozen_at);
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
}
