import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { typeOrmOptions } from './typeorm-options';

/** The DataSource the TypeORM CLI uses (`npm run migration:*`); entities are found by file name. */
export default new DataSource({
  ...typeOrmOptions(loadConfig().DATABASE_URL),
  entities: ['libs/*/src/**/*.entity.ts'],
});
