import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/core';
import { NotificationsModule } from '@app/notifications';
import { AccountsController } from './accounts.controller';
import './templates';
import { AccountsService } from './accounts.service';
import { AuthGuard } from './auth/auth.guard';
import { LoginThrottle } from './auth/login-throttle.service';
import { TokensService } from './auth/tokens.service';
import { ACCOUNTS_ENTITIES } from './entities';

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
  controllers: [AccountsController],
  providers: [AccountsService, TokensService, LoginThrottle, AuthGuard],
  exports: [AccountsService, TokensService, AuthGuard],
})
export class AccountsModule {}
