import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/core';
import { NotificationsModule } from '@app/notifications';
import './templates';
import { AccountsService } from './accounts.service';
import { PasswordThrottle } from './auth/password-throttle.service';
import { TokensService } from './auth/tokens.service';
import { EmailThrottle } from './auth/email-throttle.service';
import { ColleaguesService } from './colleagues.service';
import { ACCOUNTS_ENTITIES } from './entities';
import { AccountLinks } from './links/account-links.service';
import { PasswordChanges } from './password-changes.service';
import { SessionsService } from './sessions/sessions.service';

/** Companies, users, roles and tokens. */
@Module({
  imports: [
    TypeOrmModule.forFeature(ACCOUNTS_ENTITIES),
    NotificationsModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it as a
      // public key on every verification, which cost a tenth of the API's CPU under load.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as string }),
    }),
  ],
  providers: [AccountsService, TokensService, PasswordThrottle, EmailThrottle, SessionsService, AccountLinks, PasswordChanges, ColleaguesService],
  exports: [AccountsService, TokensService, PasswordThrottle, SessionsService, PasswordChanges, ColleaguesService],
})
export class AccountsModule {}
