import type { PerChannel } from '@app/contest';
import type { CategoryRanking, RankingRow } from '@app/scoring';
import type { CategoryOutcome, PublicCategory } from './figures';
import type { CriterionScore } from './report-breakdown';

/** Why a version is frozen; required for a correction (a freeze after publication). */
export interface NewResultsVersion {
  reason?: string;
}

/** One results version as the jury lists them. */
export interface ResultsVersionSummary {
  id: string;
  version: number;
  digest: string;
  reason: string | null;
  frozenAt: Date;
  frozenBy: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
}

export interface CorrectedFrom {
  version: number;
  publishedAt: Date | null;
  reason: string | null;
}

export interface ScoreInterval {
  low: number;
  high: number;
}

/** The public winners list: winners only, never another entrant's name. */
export interface WinnersView {
  editionId: string;
  editionYear: number;
  editionName: string;
  version: number;
  digest: string;
  publishedAt: Date;
  /** Set when this version corrects an earlier published one. */
  correctedFrom: CorrectedFrom | null;
  categories: PublicCategory[];
}

/** An entrant's private report; scores rounded to two decimals for display. */
export interface EntryReport extends Pick<RankingRow, 'rank' | 'score' | 'marginOfError' | 'eligible' | 'insufficientChannels' | 'winner' | 'approvedCount'> {
  entryId: string;
  editionId: string;
  editionYear: number;
  editionName: string;
  companyName: string;
  categoryCode: string;
  categoryName: string;
  categoryOutcome: CategoryOutcome;
  /** Ranked entrants in the category. */
  of: number;
  entrants: number;
  channelScores: Record<string, number | null>;
  /** The category's mean score per channel, out of 20. */
  channelAverages: PerChannel<number | null>;
  /** Per criterion, labelled: the entry's mean points and the category's. */
  criterionScores: CriterionScore[];
  strengths: CriterionScore[];
  weaknesses: CriterionScore[];
  /** The score's 95 % interval, for "your score lies between low and high" (null without a margin). */
  scoreInterval: ScoreInterval | null;
  categoryAverage: number | null;
  awardThreshold: number;
  version: number;
  digest: string;
  frozenAt: Date;
  publishedAt: Date | null;
  /** False only for the jury reading a frozen, not yet published version. */
  published: boolean;
}

/** A freeze: the new version and its categories' rankings. */
export interface FrozenResultsView {
  id: string;
  version: number;
  digest: string;
  frozenAt: Date;
  reason: string | null;
  categories: CategoryRanking[];
}

/** A publication: what it published and what it set off. */
export interface PublishedResultsView {
  id: string;
  version: number;
  digest: string;
  publishedAt: Date;
  correction: boolean;
  entriesRanked: number;
  notifications: number;
  licenceInvoices: string[];
}
