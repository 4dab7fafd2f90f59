export * from './evaluation.types';
export * from './entities/evaluation.entity';
export * from './evaluations.module';
export * from './evaluations.service';
export * from './scoring';
export * from './entities';
export * from './evaluation-reads.sql';
