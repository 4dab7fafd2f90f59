import { Module } from '@nestjs/common';
import { ContestModule } from '@app/contest';
import { RankingsService } from './rankings.service';

/** Scores and rankings, computed in SQL from the approved evaluations. */
@Module({
  imports: [ContestModule],
  providers: [RankingsService],
  exports: [RankingsService],
})
export class ScoringModule {}
