import type { Channel } from '@app/contest';

/**
 * The figures a results version keeps, as `RankingsService.compute` gave them at freeze (stored as jsonb).
 * Declared here, structurally, so that what was frozen stays readable even if the live rankings evolve.
 */
export interface FrozenRow {
  entryId: string;
  companyId: string;
  companyName: string;
  rank: number | null;
  score: number | null;
  marginOfError: number | null;
  eligible: boolean;
  insufficientChannels: Channel[];
  winner: boolean;
  approvedCount: number;
  stdDev: number | null;
  channelScores: Partial<Record<Channel, number | null>>;
  criterionScores: Partial<Record<Channel, Record<string, number>>>;
}

export type CategoryOutcome = 'WINNER' | 'NO_WINNER' | 'CANCELLED';

export interface FrozenCategory {
  categoryId: string;
  code: string;
  name: string;
  cancelled: boolean;
  contested: boolean;
  minEntries: number;
  awardThreshold: number;
  entrants: number;
  average: number | null;
  statisticalTie: boolean;
  outcome: CategoryOutcome;
  rows: FrozenRow[];
}

export interface FrozenFigures {
  editionId: string;
  categories: FrozenCategory[];
  shopperBias?: unknown[];
}

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
