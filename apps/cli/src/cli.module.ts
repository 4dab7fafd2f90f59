import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { CoreModule } from '@app/core';

/** Operator commands need the plumbing and the accounts (jury users), nothing else. */
@Module({ imports: [CoreModule, AccountsModule] })
export class CliModule {}
