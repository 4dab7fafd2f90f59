import { Module } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { CoreModule } from '@app/core';
import { NotificationsModule } from '@app/notifications';

/** Plumbing and every domain module: what the API and the worker both run on. */
const DOMAIN_MODULES = [AccountsModule, NotificationsModule];

@Module({
  imports: [CoreModule, ...DOMAIN_MODULES],
  exports: [CoreModule, ...DOMAIN_MODULES],
})
export class PlatformModule {}
