export * from './contact-point-rules';
export * from './entry-input';
export * from './entities/entry.entity';
export * from './entries.service';
export * from './registration.module';
export * from './entities';
export * from './registration-reads.sql';
