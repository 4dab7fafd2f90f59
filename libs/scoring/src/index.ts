export * from './rankings.service';
export * from './rankings.types';
export * from './scoring.module';
