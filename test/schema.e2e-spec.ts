import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ACCOUNTS_ENTITIES } from '@app/accounts';
import { BILLING_ENTITIES } from '@app/billing';
import { CONTEST_ENTITIES } from '@app/contest';
import { CORE_ENTITIES, loadConfig, typeOrmOptions } from '@app/core';
import { EVALUATIONS_ENTITIES } from '@app/evaluations';
import { NOTIFICATIONS_ENTITIES } from '@app/notifications';
import { PUBLICATION_ENTITIES } from '@app/publication';
import { REGISTRATION_ENTITIES } from '@app/registration';
import { SHOPPERS_ENTITIES } from '@app/shoppers';

/** Every lib's entities, as its module registers them. */
const ENTITIES = [
  ...CORE_ENTITIES,
  ...ACCOUNTS_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...CONTEST_ENTITIES,
  ...REGISTRATION_ENTITIES,
  ...BILLING_ENTITIES,
  ...SHOPPERS_ENTITIES,
  ...EVALUATIONS_ENTITIES,
  ...PUBLICATION_ENTITIES,
];

/**
 * The entities equal the migrated schema: on this run's freshly migrated database, TypeORM's schema sync
 * (what `typeorm schema:log` prints and `migration:generate` would write) finds nothing to change, and
 * every table has an entity. Triggers and SQL functions live in migrations only.
 */
describe('entities and schema', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource({ ...typeOrmOptions(loadConfig().DATABASE_URL), entities: ENTITIES });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('leaves schema sync nothing to do', async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('has an entity for every table', async () => {
    const tables: { name: string }[] = await dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`,
    );
    const mapped = new Set(dataSource.entityMetadatas.map((metadata) => metadata.tableName));
    expect(tables.map((table) => table.name).filter((name) => !mapped.has(name))).toEqual([]);
  });
});
