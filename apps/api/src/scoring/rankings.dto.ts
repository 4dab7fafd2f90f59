import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, type Channel } from '@app/contest';
import { RANKING_OUTCOMES, type RankingOutcome } from '@app/scoring';
import type * as scoring from '@app/scoring';
import { perChannelSchema, perCriterionSchema } from '../http/per-channel.schema';

const SCORE = 'Out of 20, exact (never rounded here; display rounds to 2)';

/** One entry in its category's ranking. Scores are out of 20, exact (never rounded here; display rounds to 2). */
export class RankingRow implements scoring.RankingRow {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty() companyName: string;
  /** null: insufficient data (listed after the ranked entries, not ranked for the title). Ex aequo share a rank (1, 1, 3). */
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: insufficient data (not ranked); ex aequo share a rank (1, 1, 3)' })
  rank: number | null;
  /** Σ(channel weight × channel score) / Σ(weights) over the tested channels that have approved evaluations; null when none has. */
  @ApiProperty({ type: Number, nullable: true, description: `${SCORE}; null when no tested channel has an approved evaluation` })
  score: number | null;
  /** 95 % margin: 1.96 × sample standard deviation of the entry's approved evaluation scores / √n; null when n < 2. */
  @ApiProperty({ type: Number, nullable: true, description: '95 % margin of error; null with fewer than 2 evaluations' })
  marginOfError: number | null;
  @ApiProperty() eligible: boolean;
  /** Tested channels with fewer approved evaluations than ⌈80 % of the quota⌉. */
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel', isArray: true, description: 'Tested channels with fewer approved evaluations than ⌈80 % of the quota⌉' })
  insufficientChannels: Channel[];
  @ApiProperty() winner: boolean;
  /** Approved evaluations on the entry's tested channels. */
  @ApiProperty({ type: 'integer' }) approvedCount: number;
  /** Sample standard deviation of those evaluation scores; null when n < 2. */
  @ApiProperty({ type: Number, nullable: true }) stdDev: number | null;
  /** Mean approved evaluation score per tested channel; null for a tested channel without one. */
  @ApiProperty(perChannelSchema({ type: 'number', nullable: true }, 'Mean approved evaluation score per tested channel'))
  channelScores: Partial<Record<Channel, number | null>>;
  /** Mean POINTS per criterion (out of that criterion's max in the grid, not out of 20), per channel. */
  @ApiProperty(perChannelSchema(perCriterionSchema({ type: 'number' }), 'Mean points per criterion (out of its max in the grid), per channel'))
  criterionScores: Partial<Record<Channel, Record<string, number>>>;
}

export class CategoryRanking implements scoring.CategoryRanking {
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() cancelled: boolean;
  /** Not cancelled and entrants ≥ minEntries. */
  @ApiProperty({ description: 'Not cancelled and entrants ≥ minEntries' }) contested: boolean;
  @ApiProperty({ type: 'integer' }) minEntries: number;
  @ApiProperty() awardThreshold: number;
  /** Entries CONFIRMED, IN_TEST or RANKED. */
  @ApiProperty({ type: 'integer', description: 'Entries CONFIRMED, IN_TEST or RANKED' }) entrants: number;
  /** Mean company score of the ranked rows; null when none is ranked. */
  @ApiProperty({ type: Number, nullable: true }) average: number | null;
  /** The first two ranked rows' [score ± margin] intervals overlap. */
  @ApiProperty({ description: 'The first two ranked rows’ [score ± margin] intervals overlap' }) statisticalTie: boolean;
  @ApiProperty({ enum: RANKING_OUTCOMES, enumName: 'RankingOutcome' }) outcome: RankingOutcome;
  /** Ranked rows in rank order, then the insufficient-data rows; none for a cancelled category. */
  @ApiProperty({ type: [RankingRow] }) rows: RankingRow[];
}

export class ShopperBias implements scoring.ShopperBias {
  @ApiProperty({ format: 'uuid' }) shopperId: string;
  @ApiProperty() name: string;
  /** Approved evaluations that had another shopper's evaluation on the same entry and channel to compare with. */
  @ApiProperty({ type: 'integer' }) evaluations: number;
  /** Mean of (the shopper's score − mean of the OTHER shoppers' scores for the same entry and channel): > 0 marks high. */
  @ApiProperty({ description: 'Mean deviation from the other shoppers’ scores on the same entry and channel; > 0 marks high' })
  meanDeviation: number;
}

export class EditionRankings implements scoring.EditionRankings {
  @ApiProperty({ format: 'uuid' }) editionId: string;
  @ApiProperty({ type: [CategoryRanking] }) categories: CategoryRanking[];
  @ApiProperty({ type: [ShopperBias] }) shopperBias: ShopperBias[];
}
