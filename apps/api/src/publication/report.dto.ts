import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, type Channel, type PerChannel } from '@app/contest';
import { RANKING_OUTCOMES } from '@app/scoring';
import { perChannelSchema } from '../http/per-channel.schema';
import { CategoryRanking, ShopperBias } from '../scoring/rankings.dto';
import type { CategoryOutcome, CriterionScore, PublicCategory } from '@app/publication';
import type * as publication from '@app/publication';

const DATE_TIME = { type: String, format: 'date-time' } as const;
const SHA256 = { description: 'SHA-256 of the inputs (approved evaluations and the rules’ parameters)', example: 'e3b0c442…' };
const OUTCOME = { enum: RANKING_OUTCOMES, enumName: 'RankingOutcome' } as const;

/** One results version as the jury lists them. */
export class ResultsVersionSummary implements publication.ResultsVersionSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version: number;
  @ApiProperty(SHA256) digest: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why this version corrects the previous one' }) reason: string | null;
  @ApiProperty(DATE_TIME) frozenAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) frozenBy: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) publishedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) publishedBy: string | null;
}

/** Every figure a version froze: the rankings as they stood (the shopper bias too, in versions that kept it). */
export class FrozenFiguresView {
  @ApiProperty({ format: 'uuid' }) editionId: string;
  @ApiProperty({ type: [CategoryRanking] }) categories: CategoryRanking[];
  @ApiPropertyOptional({ type: [ShopperBias] }) shopperBias?: ShopperBias[];
}

/** One version and its exact figures. */
export class ResultsVersionDetail extends ResultsVersionSummary {
  @ApiProperty({ type: FrozenFiguresView }) figures: FrozenFiguresView;
}

export class CorrectedFrom implements publication.CorrectedFrom {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ ...DATE_TIME, nullable: true }) publishedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class PublicWinner {
  @ApiProperty() companyName: string;
  /** The winner's score and its 95 % margin of error (the title is public, and so is how sure it is). */
  @ApiProperty({ type: Number, nullable: true, description: 'Out of 20, rounded to 2 decimals' }) score: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '95 % margin of error' }) marginOfError: number | null;
}

export class PublicCategoryResult implements PublicCategory {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty(OUTCOME) outcome: CategoryOutcome;
  @ApiProperty({ type: [PublicWinner], description: 'Several when ex aequo; none without a winner' }) winners: PublicWinner[];
  @ApiProperty({ type: 'integer' }) entrants: number;
  @ApiProperty({ type: 'integer', description: 'Approved evaluations (tests) the ranking rests on' }) tests: number;
  @ApiProperty() awardThreshold: number;
}

/** One criterion of the report: the entry's mean points and the category's. */
export class CriterionScoreView implements CriterionScore {
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' }) channel: Channel;
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: 'integer' }) max: number;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: Number, nullable: true }) categoryAverage: number | null;
}

export class ScoreInterval implements publication.ScoreInterval {
  @ApiProperty() low: number;
  @ApiProperty() high: number;
}

/** The public winners list: winners only, never another entrant's name. */
export class WinnersView implements publication.WinnersView {
  @ApiProperty({ format: 'uuid' }) editionId: string;
  @ApiProperty({ type: 'integer' }) editionYear: number;
  @ApiProperty() editionName: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty(SHA256) digest: string;
  @ApiProperty(DATE_TIME) publishedAt: Date;
  /** Set when this version corrects an earlier published one. */
  @ApiProperty({ type: CorrectedFrom, nullable: true, description: 'Set when this version corrects an earlier published one' })
  correctedFrom: CorrectedFrom | null;
  @ApiProperty({ type: [PublicCategoryResult] }) categories: PublicCategory[];
}

/** An entrant's private report; scores rounded to two decimals for display. */
export class EntryReport implements publication.EntryReport {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ format: 'uuid' }) editionId: string;
  @ApiProperty({ type: 'integer' }) editionYear: number;
  @ApiProperty() editionName: string;
  @ApiProperty() companyName: string;
  @ApiProperty() categoryCode: string;
  @ApiProperty() categoryName: string;
  @ApiProperty(OUTCOME) categoryOutcome: CategoryOutcome;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: not ranked (insufficient data)' }) rank: number | null;
  /** Ranked entrants in the category. */
  @ApiProperty({ type: 'integer', description: 'Ranked entrants in the category' }) of: number;
  @ApiProperty({ type: 'integer' }) entrants: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Out of 20, rounded to 2 decimals' }) score: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '95 % margin of error' }) marginOfError: number | null;
  @ApiProperty() eligible: boolean;
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel', isArray: true }) insufficientChannels: Channel[];
  @ApiProperty() winner: boolean;
  @ApiProperty({ type: 'integer' }) approvedCount: number;
  @ApiProperty(perChannelSchema({ type: 'number', nullable: true }, 'Mean score per tested channel, out of 20'))
  channelScores: Record<string, number | null>;
  /** The category's mean score per channel, out of 20. */
  @ApiProperty(perChannelSchema({ type: 'number', nullable: true }, 'The category’s mean score per channel, out of 20'))
  channelAverages: PerChannel<number | null>;
  /** Per criterion, labelled: the entry's mean points and the category's. */
  @ApiProperty({ type: [CriterionScoreView], description: 'Per criterion, labelled: the entry’s mean points and the category’s' })
  criterionScores: CriterionScore[];
  @ApiProperty({ type: [CriterionScoreView], description: 'Where the entry is furthest above the category’s mean, best first' })
  strengths: CriterionScore[];
  @ApiProperty({ type: [CriterionScoreView], description: 'Where the entry is furthest below the category’s mean, weakest first' })
  weaknesses: CriterionScore[];
  /** The score's 95 % interval, for "your score lies between low and high" (null without a margin). */
  @ApiProperty({ type: ScoreInterval, nullable: true, description: 'The score’s 95 % interval (null without a margin)' })
  scoreInterval: ScoreInterval | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean score of the ranked entrants of the category' }) categoryAverage: number | null;
  @ApiProperty() awardThreshold: number;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty(SHA256) digest: string;
  @ApiProperty(DATE_TIME) frozenAt: Date;
  @ApiProperty({ ...DATE_TIME, nullable: true }) publishedAt: Date | null;
  /** False only for the jury reading a frozen, not yet published version. */
  @ApiProperty({ description: 'False only for the jury reading a frozen, not yet published version' }) published: boolean;
}

/** A freeze: the new version and its categories' rankings. */
export class FrozenResultsView implements publication.FrozenResultsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty(SHA256) digest: string;
  @ApiProperty(DATE_TIME) frozenAt: Date;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: [CategoryRanking] }) categories: CategoryRanking[];
}

/** A publication: what it published and what it set off. */
export class PublishedResultsView implements publication.PublishedResultsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty(SHA256) digest: string;
  @ApiProperty(DATE_TIME) publishedAt: Date;
  @ApiProperty({ description: 'Whether it corrects an earlier published version' }) correction: boolean;
  @ApiProperty({ type: 'integer' }) entriesRanked: number;
  @ApiProperty({ type: 'integer', description: 'Outcome e-mails written' }) notifications: number;
  @ApiProperty({ type: [String], description: 'Numbers of the logo-licence invoices issued to the winners' }) licenceInvoices: string[];
}
