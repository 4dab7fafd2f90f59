import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuthGuard } from '@app/accounts';
import { PlatformModule } from '@app/platform';
import { HealthController } from './health/health.controller';
import { ShutdownDrain } from './health/shutdown-drain';

/** The platform plus what only HTTP needs: the global auth guard and the health check. */
@Module({
  imports: [PlatformModule, TerminusModule],
  controllers: [HealthController],
  providers: [{ provide: APP_GUARD, useExisting: AuthGuard }, ShutdownDrain],
})
export class AppModule {}
