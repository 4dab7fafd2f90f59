export * from './dto/evaluation.dto';
export * from './entities/evaluation.entity';
export * from './evaluations.module';
export * from './evaluations.service';
export * from './scoring';
export * from './entities';
