import type { Channel } from '@app/contest';

/** How a category's ranking ends: a winner, none, or the category was cancelled. */
export const RANKING_OUTCOMES = ['WINNER', 'NO_WINNER', 'CANCELLED'] as const;
export type RankingOutcome = (typeof RANKING_OUTCOMES)[number];

/** One entry in its category's ranking. Scores are out of 20, exact (never rounded here; display rounds to 2). */
export interface RankingRow {
  entryId: string;
  companyId: string;
  companyName: string;
  /** null: insufficient data (listed after the ranked entries, not ranked for the title). Ex aequo share a rank (1, 1, 3). */
  rank: number | null;
  /** Σ(channel weight × channel score) / Σ(weights) over the tested channels that have approved evaluations; null when none has. */
  score: number | null;
  /** 95 % margin: 1.96 × sample standard deviation of the entry's approved evaluation scores / √n; null when n < 2. */
  marginOfError: number | null;
  eligible: boolean;
  /** Tested channels with fewer approved evaluations than ⌈80 % of the quota⌉. */
  insufficientChannels: Channel[];
  winner: boolean;
  /** Approved evaluations on the entry's tested channels. */
  approvedCount: number;
  /** Sample standard deviation of those evaluation scores; null when n < 2. */
  stdDev: number | null;
  /** Mean approved evaluation score per tested channel; null for a tested channel without one. */
  channelScores: Partial<Record<Channel, number | null>>;
  /** Mean POINTS per criterion (out of that criterion's max in the grid, not out of 20), per channel. */
  criterionScores: Partial<Record<Channel, Record<string, number>>>;
}

export interface CategoryRanking {
  categoryId: string;
  code: string;
  name: string;
  cancelled: boolean;
  /** Not cancelled and entrants ≥ minEntries. */
  contested: boolean;
  minEntries: number;
  awardThreshold: number;
  /** Entries CONFIRMED, IN_TEST or RANKED. */
  entrants: number;
  /** Mean company score of the ranked rows; null when none is ranked. */
  average: number | null;
  /** The first two ranked rows' [score ± margin] intervals overlap. */
  statisticalTie: boolean;
  outcome: RankingOutcome;
  /** Ranked rows in rank order, then the insufficient-data rows; none for a cancelled category. */
  rows: RankingRow[];
}

export interface ShopperBias {
  shopperId: string;
  name: string;
  /** Approved evaluations that had another shopper's evaluation on the same entry and channel to compare with. */
  evaluations: number;
  /** Mean of (the shopper's score − mean of the OTHER shoppers' scores for the same entry and channel): > 0 marks high. */
  meanDeviation: number;
}

export interface EditionRankings {
  editionId: string;
  categories: CategoryRanking[];
  shopperBias: ShopperBias[];
}
