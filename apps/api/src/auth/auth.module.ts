import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsModule } from '@app/accounts';
import { AuthGuard } from './auth.guard';
import { EmailRouteLimitGuard } from './email-route-limit';

/** The global guards: every route needs an access token unless @Public(), and its @Roles(); @SendsEmail() routes are limited per address. */
@Module({
  imports: [AccountsModule],
  providers: [AuthGuard, EmailRouteLimitGuard, { provide: APP_GUARD, useExisting: AuthGuard }, { provide: APP_GUARD, useExisting: EmailRouteLimitGuard }],
})
export class AuthModule {}
