import { Module } from '@nestjs/common';
import { ScoringModule } from '@app/scoring';
import { RankingsController } from './rankings.controller';

/** The routes of live rankings for the jury. */
@Module({
  imports: [ScoringModule],
  controllers: [RankingsController],
})
export class ScoringApiModule {}
