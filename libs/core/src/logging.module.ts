import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';

/** Structured JSON logs (pino); every HTTP log line carries the request id that Fastify assigned. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          // Each request's access line is an info line: below info none is written, so none is built either.
          autoLogging: ['info', 'debug', 'trace'].includes(config.LOG_LEVEL),
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          customProps: () => ({ app: process.env.APP_NAME ?? 'palmares' }),
        },
      }),
    }),
  ],
})
export class LoggingModule {}
