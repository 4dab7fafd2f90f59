import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { BillingModule } from '@app/billing';
import { ContestModule } from '@app/contest';
import { CoreModule } from '@app/core';
import { EvaluationsModule } from '@app/evaluations';
import { NotificationsModule } from '@app/notifications';
import { PublicationModule } from '@app/publication';
import { RegistrationModule } from '@app/registration';
import { ScoringModule } from '@app/scoring';
import { ShoppersModule } from '@app/shoppers';

/** Plumbing and every domain module: what the API and the worker both run on. */
const DOMAIN_MODULES = [
  AccountsModule,
  NotificationsModule,
  ContestModule,
  BillingModule,
  RegistrationModule,
  ShoppersModule,
  EvaluationsModule,
  ScoringModule,
  PublicationModule,
];

@Module({
  imports: [CoreModule, ...DOMAIN_MODULES],
  exports: [CoreModule, ...DOMAIN_MODULES],
})
export class PlatformModule {}
