import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuthGuard } from '@app/accounts';
import { PlatformModule } from '@app/platform';
import { ColleaguesController } from './accounts/colleagues.controller';
import { PasswordsController } from './accounts/passwords.controller';
import { SessionsController } from './accounts/sessions.controller';
import { StandinCheckoutController } from './billing/standin-checkout.controller';
import { HealthController } from './health/health.controller';

/** The platform plus what only HTTP needs: the global auth guard and the health check. */
@Module({
  imports: [PlatformModule, TerminusModule],
  controllers: [HealthController, SessionsController, PasswordsController, ColleaguesController, StandinCheckoutController],
  providers: [{ provide: APP_GUARD, useExisting: AuthGuard }],
})
export class AppModule {}
