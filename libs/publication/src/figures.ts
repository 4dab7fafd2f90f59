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
