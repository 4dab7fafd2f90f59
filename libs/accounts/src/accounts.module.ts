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
import { Company } from './entities/company.entity';
import { User } from './entities/user.entity';

/** Companies, users, roles and tokens. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Company, User]),
    NotificationsModule,
    JwtModule.registerAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET }) }),
  ],
  controllers: [AccountsController],
  providers: [AccountsService, TokensService, LoginThrottle, AuthGuard],
  exports: [AccountsService, TokensService, AuthGuard],
})
export class AccountsModule {}
