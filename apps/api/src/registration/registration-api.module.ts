import { Module } from '@nestjs/common';
import { RegistrationModule } from '@app/registration';
import { EntriesController } from './entries.controller';

/** The routes of company entries. */
@Module({
  imports: [RegistrationModule],
  controllers: [EntriesController],
})
export class RegistrationApiModule {}
