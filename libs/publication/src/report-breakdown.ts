import { CHANNELS, type Channel, type GridCriterion, type PerChannel } from '@app/contest';
import { round2, type FrozenCategory, type FrozenRow } from './figures';

/** One criterion of the entry's grid: its label, its points out of `max`, and the category's mean for it. */
export interface CriterionScore {
  channel: Channel;
  key: string;
  label: string;
  max: number;
  score: number | null;
  categoryAverage: number | null;
}

export interface ReportBreakdown {
  /** The category's mean score per channel, out of 20, over its ranked entries. */
  channelAverages: PerChannel<number | null>;
  criterionScores: CriterionScore[];
  /** The criteria where the entry is furthest above the category's mean (relative to each criterion's maximum), best first. */
  strengths: CriterionScore[];
  /** The criteria where it is furthest below, worst first. */
  weaknesses: CriterionScore[];
}

const POINTS_SHOWN = 3;

function mean(values: (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

/**
 * The entry against its category: per channel and per criterion (labelled from the category's grids), the category's
 * means over its ranked entries, and the strongest and weakest criteria. Figures are rounded for display.
 */
export function reportBreakdown(category: FrozenCategory, row: FrozenRow, grids: PerChannel<GridCriterion[]>): ReportBreakdown {
  const ranked = category.rows.filter((r) => r.rank !== null);
  // the rulebook's channel order, then the grid's: equal gaps keep that order
  const channels = CHANNELS.filter((c) => c in row.channelScores);
  const channelAverages = Object.fromEntries(channels.map((c) => [c, round2(mean(ranked.map((r) => r.channelScores[c])))]));
  const criterionScores: CriterionScore[] = channels.flatMap((channel) =>
    (grids[channel] ?? []).map((criterion) => ({
      channel,
      key: criterion.key,
      label: criterion.label,
      max: criterion.max,
      score: round2(row.criterionScores[channel]?.[criterion.key] ?? null),
      categoryAverage: round2(mean(ranked.map((r) => r.criterionScores[channel]?.[criterion.key]))),
    })),
  );
  const gaps = criterionScores
    .filter((c) => c.score !== null && c.categoryAverage !== null && c.max > 0)
    .map((c) => ({ criterion: c, gap: (c.score! - c.categoryAverage!) / c.max }));
  return {
    channelAverages,
    criterionScores,
    strengths: gaps
      .filter((g) => g.gap > 0)
      .sort((a, b) => b.gap - a.gap)
      .slice(0, POINTS_SHOWN)
      .map((g) => g.criterion),
    weaknesses: gaps
      .filter((g) => g.gap < 0)
      .sort((a, b) => a.gap - b.gap)
      .slice(0, POINTS_SHOWN)
      .map((g) => g.criterion),
  };
}
