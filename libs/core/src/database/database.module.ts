import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CORE_ENTITIES } from '../audit/audit-log.entity';
import { AppConfig } from '../config/app-config';
import { appPool, typeOrmOptions } from './typeorm-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const options = typeOrmOptions(config.DATABASE_URL);
        return {
          ...options,
          extra: { ...options.extra, ...appPool(config) },
          autoLoadEntities: true,
          migrationsRun: config.MIGRATIONS_RUN,
          // The preflight check has already said what is wrong; do not loop with stack traces.
          retryAttempts: 0,
        };
      },
    }),
    TypeOrmModule.forFeature(CORE_ENTITIES),
  ],
})
export class DatabaseModule {}
