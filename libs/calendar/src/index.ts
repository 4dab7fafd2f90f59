export * from './calendar-steps.service';
export * from './calendar.module';
