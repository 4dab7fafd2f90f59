export * from './dto/entry.dto';
export * from './entities/entry.entity';
export * from './entries.service';
export * from './registration.module';
export * from './entities';
