export * from './dto/evaluation.dto';
export * from './dto/task.dto';
export * from './entities/evaluation.entity';
export * from './evaluations.module';
export * from './evaluations.service';
export * from './scoring';
export * from './task-deadlines.service';
export * from './tasks.service';
