import { Global, Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { ReadReplica } from './database/read-replica';
import { UnitsOfWork } from './database/unit-of-work';
import { LoggingModule } from './logging.module';
import { MailTransport } from './mail/mail-transport.service';
import { QueuesModule } from './queues/queues.module';
import { RedisModule } from './redis/redis.module';

/** The plumbing both apps share: config, logs, Postgres and its units of work, Redis, queues and the SMTP transport. */
@Global()
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, RedisModule, QueuesModule],
  providers: [MailTransport, UnitsOfWork, ReadReplica],
  exports: [ConfigModule, RedisModule, QueuesModule, MailTransport, UnitsOfWork, ReadReplica],
})
export class CoreModule {}
