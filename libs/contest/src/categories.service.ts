import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isJury, type AuthUser } from '@app/accounts';
import { inclVat, isUuid, percentToBp, audit, isUniqueViolation, ConflictError, InvalidError, NotFoundError, entityColumns, hydrate } from '@app/core';
import { CHANNELS, type GridCriterion, type PerChannel, type Scenario } from './channels';
import { categoryRuleProblems } from './category-rules';
import type { CategoryView, NewCategory } from './category.types';
import { EditionsService } from './editions.service';
import { Category, CategoryStatus } from './entities/category.entity';
import { Edition, EditionStatus } from './entities/edition.entity';

export const DEFAULT_VAT_RATE = 20;
export const DEFAULT_MIN_ENTRIES = 3;
export const DEFAULT_AWARD_THRESHOLD = 12;

/** Sector categories of an edition: fees, channel quotas and weights, grids and scenario bank. */
@Injectable()
export class CategoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly editions: EditionsService,
  ) {}

  /** A category of a DRAFT or OPEN edition. 400 naming the rule, 409 for a code the edition already has. */
  async create(editionId: string, dto: NewCategory, actorId: string | null): Promise<CategoryView> {
    const setup = {
      quotas: perChannel(dto.quotas, (n) => n),
      weights: perChannel(dto.weights, (n) => n),
      grids: perChannel(dto.grids, (grid) => grid.map(({ key, label, max, weight }): GridCriterion => ({ key, label, max, weight }))),
      scenarios: dto.scenarios.map(({ channel, text }): Scenario => ({ channel, text })),
    };
    try {
      return await this.dataSource.transaction(async (tx) => {
        // Locked against a concurrent status change (an edition closing while its category is added).
        const edition = await this.editions.findOrFail(editionId, tx, { lock: 'pessimistic_read' });
        if (edition.status !== EditionStatus.Draft && edition.status !== EditionStatus.Open) {
          throw new ConflictError(`edition ${edition.year} is ${edition.status}: categories can be added only while it is DRAFT or OPEN`, 'CATEGORIES_CLOSED');
        }
        const problems = categoryRuleProblems(setup);
        if (problems.length > 0) throw new InvalidError(problems.join('; '));
        const category = await tx.save(
          tx.create(Category, {
            editionId,
            code: dto.code,
            name: dto.name,
            entryFeeCents: dto.entryFeeCents,
            licenceFeeCents: dto.licenceFeeCents,
            vatRateBp: percentToBp(dto.vatRate ?? DEFAULT_VAT_RATE),
            ...setup,
            minEntries: dto.minEntries ?? DEFAULT_MIN_ENTRIES,
            awardThreshold: dto.awardThreshold ?? DEFAULT_AWARD_THRESHOLD,
            status: CategoryStatus.Active,
            cancelledAt: null,
          }),
        );
        await audit(tx, { actorId, action: 'category.create', subjectType: 'category', subjectId: category.id, details: { editionId, code: category.code } });
        return toCategoryView(category, true);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'category_code_per_edition')) {
        throw new ConflictError(`this edition already has a category with the code ${dto.code}: codes are unique within an edition`, 'CATEGORY_CODE_TAKEN');
      }
      throw error;
    }
  }

  /** The categories of an edition the viewer may see (a draft edition is the jury's only); scenarios are the jury's only. */
  async listForViewer(editionId: string, viewer: AuthUser | null): Promise<CategoryView[]> {
    await this.editions.findVisible(editionId, viewer);
    const categories = await this.listByEdition(editionId);
    return categories.map((category) => toCategoryView(category, isJury(viewer)));
  }

  /** Every category of an edition (cancelled ones included), by code. */
  async listByEdition(editionId: string, tx?: EntityManager): Promise<Category[]> {
    return (tx ?? this.dataSource.manager).find(Category, { where: { editionId }, order: { code: 'ASC' } });
  }

  /**
   * The category codes of the editions whose sectors may have assignment work (OPEN, CLOSED, TESTING): the
   * sector queues a worker serves and the dashboard shows.
   */
  async liveSectorCodes(): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource
      .createQueryBuilder(Category, 'category')
      .select('DISTINCT category.code', 'code')
      .innerJoin(Edition, 'edition', 'edition.id = category.editionId')
      .where('edition.status IN (:...live)', { live: [EditionStatus.Open, EditionStatus.Closed, EditionStatus.Testing] })
      .orderBy('code')
      .getRawMany();
    return rows.map((row) => row.code);
  }

  /** The category, optionally read in `tx`; 404 "category <id> does not exist". */
  async findOrFail(id: string, tx?: EntityManager): Promise<Category> {
    const category = isUuid(id) ? await (tx ?? this.dataSource.manager).findOneBy(Category, { id }) : null;
    if (!category) throw new NotFoundError(`category ${id} does not exist`);
    return category;
  }

  /** A category and its edition, read together (one round trip on the registration path, no query building). */
  async findWithEdition(id: string): Promise<{ category: Category; edition: Edition }> {
    const manager = this.dataSource.manager;
    const [row]: Record<string, unknown>[] = isUuid(id)
      ? await manager.query(
          `SELECT ${entityColumns(manager, Category, 'c', 'c_')}, ${entityColumns(manager, Edition, 'e', 'e_')}
             FROM category c JOIN edition e ON e.id = c.edition_id WHERE c.id = $1`,
          [id],
        )
      : [];
    if (!row) throw new NotFoundError(`category ${id} does not exist`);
    return { category: hydrate(manager, Category, row, 'c_'), edition: hydrate(manager, Edition, row, 'e_') };
  }

  /** Marks the category CANCELLED (in the caller's transaction). Returns whether it changed: cancelling twice is a no-op. */
  async cancel(tx: EntityManager, categoryId: string): Promise<boolean> {
    if (!isUuid(categoryId)) return false;
    const [rows] = (await tx.query(`UPDATE category SET status = $2, cancelled_at = now() WHERE id = $1 AND status <> $2 RETURNING id`, [
      categoryId,
      CategoryStatus.Cancelled,
    ])) as [{ id: string }[], number];
    return rows.length > 0;
  }
}

/** The defined channels of a per-channel DTO, as a plain object in the canonical channel order. */
function perChannel<In, Out>(source: PerChannel<In> | undefined, map: (value: In) => Out): PerChannel<Out> {
  const result: PerChannel<Out> = {};
  for (const channel of CHANNELS) {
    const value = source?.[channel];
    if (value !== undefined && value !== null) result[channel] = map(value);
  }
  return result;
}

export function toCategoryView(category: Category, withScenarios: boolean): CategoryView {
  return {
    id: category.id,
    editionId: category.editionId,
    code: category.code,
    name: category.name,
    entryFeeCents: category.entryFeeCents,
    entryFeeInclVatCents: inclVat(category.entryFeeCents, category.vatRateBp),
    licenceFeeCents: category.licenceFeeCents,
    licenceFeeInclVatCents: inclVat(category.licenceFeeCents, category.vatRateBp),
    vatRate: category.vatRateBp / 100,
    quotas: category.quotas,
    weights: category.weights,
    grids: category.grids,
    ...(withScenarios ? { scenarios: category.scenarios } : {}),
    minEntries: category.minEntries,
    awardThreshold: category.awardThreshold,
    status: category.status,
    cancelledAt: category.cancelledAt?.toISOString() ?? null,
  };
}
