import type { EntityMetadata } from 'typeorm';

/**
 * Column types whose value the pg driver already gives as the entity holds it (TypeORM would not change it), arrays of
 * them included (pg parses `text[]`, `uuid[]`, … into arrays).
 */
const AS_READ = new Set([
  'uuid',
  'text',
  'varchar',
  'character varying',
  'integer',
  'int',
  'int2',
  'int4',
  'smallint',
  'bigint',
  'int8',
  'real',
  'float4',
  'double precision',
  'float8',
  'boolean',
  'timestamptz',
  'timestamp with time zone',
  'jsonb',
  'json',
]);

const readers = new WeakMap<EntityMetadata, Map<string, (row: object) => unknown>>();

/**
 * Reads an entity from a query builder's raw row (`getRawMany`: TypeORM names each selected column
 * `<alias>_<column>`), without TypeORM's entity transformer, which matched every join of the query against the
 * registered entities on every row (issue 15: with the value conversions, a fifth of the Node CPU of a version's
 * page of annotations). The mapping is built once per entity and alias from the entity's metadata. It refuses, when
 * built, an entity with a column whose value TypeORM would convert (a transformer, simple-json, date, …): read that
 * one through TypeORM.
 */
export function rawEntityReader<T>(metadata: EntityMetadata, alias: string): (row: object) => T {
  let byAlias = readers.get(metadata);
  if (!byAlias) readers.set(metadata, (byAlias = new Map()));
  const known = byAlias.get(alias);
  if (known) return known as (row: object) => T;
  const columns = metadata.columns.map((column) => {
    const type = String(column.type);
    if (column.transformer || column.embeddedMetadata || !AS_READ.has(type))
      throw new Error(`rawEntityReader: ${metadata.name}.${column.propertyName} (${type}) needs TypeORM's conversion`);
    return { property: column.propertyName, key: `${alias}_${column.databaseName}` };
  });
  const target = metadata.target as new () => T;
  const read = (row: object): T => {
    const entity = new target() as Record<string, unknown>;
    for (const { property, key } of columns) entity[property] = (row as Record<string, unknown>)[key];
    return entity as T;
  };
  byAlias.set(alias, read);
  return read;
}
