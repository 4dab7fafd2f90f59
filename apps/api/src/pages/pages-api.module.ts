import { Module } from '@nestjs/common';
import { PublicationModule } from '@app/publication';
import { PublicPagesController } from './public-pages.controller';

/** The public pages rendered on the server: winners, title verification, methodology. */
@Module({
  imports: [PublicationModule],
  controllers: [PublicPagesController],
})
export class PagesApiModule {}
