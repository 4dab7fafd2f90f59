export * from './entities/evaluation.entity';
export * from './evaluations.module';
