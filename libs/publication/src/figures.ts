import type { CategoryRanking, EditionRankings, RankingOutcome, RankingRow } from '@app/scoring';

/** The figures a results version keeps: `RankingsService.compute` as it stood at freeze (stored as jsonb). */
export type FrozenRow = RankingRow;
export type FrozenCategory = CategoryRanking;
export type CategoryOutcome = RankingOutcome;
export type FrozenFigures = Pick<EditionRankings, 'editionId' | 'categories'> & Partial<Pick<EditionRankings, 'shopperBias'>>;

/** Rounded for display only (the rulebook orders on exact values): two decimals, half away from zero. */
export function round2(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const scaled = Math.round(Math.abs(value) * 100 + 1e-9) / 100;
  return value < 0 ? -scaled : scaled;
}

/** Every number of a per-channel (or per-criterion) record rounded to two decimals. */
export function roundRecord<T extends Record<string, number | null | undefined>>(record: T | undefined): Record<string, number | null> {
  return Object.fromEntries(Object.entries(record ?? {}).map(([k, v]) => [k, round2(v ?? null)]));
}

/** Ranked entrants of a category: the rows with a rank (insufficient-data entries are listed, not ranked). */
export function rankedCount(category: FrozenCategory): number {
  return category.rows.filter((r) => r.rank !== null).length;
}

/** A category as the public sees it: the winner(s) only, never another entrant's name, and the figures that frame the title. */
export interface PublicCategory {
  code: string;
  name: string;
  outcome: CategoryOutcome;
  /** The winner's score and its 95 % margin of error (the title is public, and so is how sure it is). */
  winners: { companyName: string; score: number | null; marginOfError: number | null }[];
  entrants: number;
  /** Approved evaluations (tests) the ranking rests on. */
  tests: number;
  awardThreshold: number;
}

export function publicCategories(figures: FrozenFigures): PublicCategory[] {
  return figures.categories.map((c) => ({
    code: c.code,
    name: c.name,
    outcome: c.outcome,
    winners: c.rows.filter((r) => r.winner).map((r) => ({ companyName: r.companyName, score: round2(r.score), marginOfError: round2(r.marginOfError) })),
    entrants: c.entrants,
    tests: c.rows.reduce((sum, r) => sum + r.approvedCount, 0),
    awardThreshold: c.awardThreshold,
  }));
}
