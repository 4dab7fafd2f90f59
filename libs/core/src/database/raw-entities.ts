import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Entities from raw SQL rows, for the hot paths where building the query and mapping its aliases cost more
 * than the round trip (`getOne()` of a join on the registration path did): `entityColumns` names an entity's
 * columns for a SELECT, `hydrate` turns the row back into the entity with the driver's own conversions and the
 * columns' transformers, as TypeORM does.
 */
export function entityColumns(manager: EntityManager, target: EntityTarget<ObjectLiteral>, alias: string, prefix: string): string {
  return manager.connection
    .getMetadata(target)
    .columns.map((column) => `${alias}.${column.databaseName} AS "${prefix}${column.databaseName}"`)
    .join(', ');
}

export function hydrate<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>, prefix: string): T {
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    column.setEntityValue(entity, manager.connection.driver.prepareHydratedValue(row[`${prefix}${column.databaseName}`], column));
  }
  return entity;
}
