export * from './entities/entry.entity';
export * from './registration.module';
