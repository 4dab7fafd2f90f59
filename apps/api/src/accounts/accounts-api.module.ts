import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { AccountsController } from './accounts.controller';
import { ColleaguesController } from './colleagues.controller';
import { PasswordsController } from './passwords.controller';
import { SessionsController } from './sessions.controller';

/** The routes of sign-up, e-mail confirmation, sessions, passwords, the caller, colleagues and the jury's users. */
@Module({
  imports: [AccountsModule],
  controllers: [AccountsController, SessionsController, PasswordsController, ColleaguesController],
})
export class AccountsApiModule {}
