import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { appPool, typeOrmOptions } from './typeorm-options';

/**
 * Where the reads of published, immutable results go: the read replica named by DATABASE_REPLICA_URL, or the
 * primary when there is none. Only reads that may lag the primary by a few seconds belong here (a results version
 * is never changed once written; a replica behind shows the previous one, as the public pages' cache already may);
 * anything that must see a write just made, and every write, stays on the primary's `DataSource`.
 */
@Injectable()
export class ReadReplica implements OnApplicationShutdown {
  private replica: Promise<DataSource> | null = null;

  constructor(
    @InjectDataSource() private readonly primary: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The replica's data source, connected on first use (a process that reads nothing there opens nothing), or the primary's. */
  dataSource(): Promise<DataSource> {
    if (!this.config.DATABASE_REPLICA_URL) return Promise.resolve(this.primary);
    this.replica ??= this.connect().catch((error: unknown) => {
      this.replica = null; // tried again at the next read
      throw error;
    });
    return this.replica;
  }

  private connect(): Promise<DataSource> {
    const options = typeOrmOptions(this.config.DATABASE_REPLICA_URL);
    return new DataSource({
      ...options,
      // The primary's entities (TypeORM collected them from every module); a replica runs no migration.
      entities: this.primary.entityMetadatas.map((metadata) => metadata.target),
      migrations: [],
      extra: { ...options.extra, ...appPool(this.config) },
    }).initialize();
  }

  async onApplicationShutdown(): Promise<void> {
    const replica = await this.replica?.catch(() => null);
    await replica?.destroy();
  }
}
