export * from './channels';
export * from './contest.module';
export * from './entities/category.entity';
export * from './entities/edition.entity';
