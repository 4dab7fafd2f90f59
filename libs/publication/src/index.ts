export * from './dto/report.dto';
export * from './dto/results.dto';
export * from './entities/results-version.entity';
export * from './figures';
export * from './pdf/report-document';
export * from './publication.module';
export * from './publication.service';
export * from './entities';
