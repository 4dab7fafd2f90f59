import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContestModule } from '@app/contest';
import { NotificationsModule } from '@app/notifications';
import { Entry } from './entities/entry.entity';
import { EntriesService } from './entries.service';
import './templates';

/** Company entries, and what the calendar does to them (reminders, close, exclusion, cancellation). */
@Module({
  imports: [TypeOrmModule.forFeature([Entry]), ContestModule, NotificationsModule],
  providers: [EntriesService],
  exports: [EntriesService],
})
export class RegistrationModule {}
