import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsModule } from '@app/accounts';
import { AuthGuard } from './auth.guard';

/** The global guard: every route needs an access token unless @Public(), and its @Roles(). */
@Module({
  imports: [AccountsModule],
  providers: [AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
})
export class AuthModule {}
