import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { EntriesService } from './entries.service';
import './templates';
import { REGISTRATION_ENTITIES } from './entities';

/** Company entries, and what the calendar does to them (reminders, close, exclusion, cancellation). */
@Module({
  imports: [TypeOrmModule.forFeature(REGISTRATION_ENTITIES), ContestModule, NotificationsModule],
  providers: [EntriesService],
  exports: [EntriesService],
})
export class RegistrationModule {}
