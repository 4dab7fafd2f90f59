import type { Channel } from '@app/contest';
import type { CategoryOutcome, PublicCategory } from '../figures';

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

/** The public winners list: winners only, never another entrant's name. */
export interface WinnersView {
  editionId: string;
  editionYear: number;
  editionName: string;
  version: number;
  digest: string;
  publishedAt: Date;
  /** Set when this version corrects an earlier published one. */
  correctedFrom: { version: number; publishedAt: Date | null; reason: string | null } | null;
  categories: PublicCategory[];
}

/** An entrant's private report; scores rounded to two decimals for display. */
export interface EntryReport {
  entryId: string;
  editionId: string;
  editionYear: number;
  editionName: string;
  companyName: string;
  categoryCode: string;
  categoryName: string;
  categoryOutcome: CategoryOutcome;
  rank: number | null;
  /** Ranked entrants in the category. */
  of: number;
  entrants: number;
  score: number | null;
  marginOfError: number | null;
  eligible: boolean;
  insufficientChannels: Channel[];
  winner: boolean;
  approvedCount: number;
  channelScores: Record<string, number | null>;
  criterionScores: Record<string, Record<string, number | null>>;
  categoryAverage: number | null;
  awardThreshold: number;
  version: number;
  digest: string;
  frozenAt: Date;
  publishedAt: Date | null;
  /** False only for the jury reading a frozen, not yet published version. */
  published: boolean;
}
