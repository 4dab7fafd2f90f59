import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { AccountsController } from './accounts.controller';

/** The routes of sign-up, e-mail confirmation, login, the caller and the jury's users. */
@Module({
  imports: [AccountsModule],
  controllers: [AccountsController],
})
export class AccountsApiModule {}
