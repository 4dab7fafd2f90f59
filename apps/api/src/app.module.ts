import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { CoreModule } from '@app/core';
import { AccountsApiModule } from './accounts/accounts-api.module';
import { AuthModule } from './auth/auth.module';
import { BillingApiModule } from './billing/billing-api.module';
import { ContestApiModule } from './contest/contest-api.module';
import { EvaluationsApiModule } from './evaluations/evaluations-api.module';
import { HealthController } from './health/health.controller';
import { ShutdownDrain } from './health/shutdown-drain';
import { PagesApiModule } from './pages/pages-api.module';
import { PublicationApiModule } from './publication/publication-api.module';
import { RegistrationApiModule } from './registration/registration-api.module';
import { ScoringApiModule } from './scoring/scoring-api.module';
import { ShoppersApiModule } from './shoppers/shoppers-api.module';

/** The HTTP adapter: plumbing, the global auth guard, the health check and one module of routes per domain. */
@Module({
  imports: [
    CoreModule,
    TerminusModule,
    AuthModule,
    AccountsApiModule,
    ContestApiModule,
    RegistrationApiModule,
    BillingApiModule,
    ShoppersApiModule,
    EvaluationsApiModule,
    ScoringApiModule,
    PublicationApiModule,
    PagesApiModule,
  ],
  controllers: [HealthController],
  providers: [ShutdownDrain],
})
export class AppModule {}
