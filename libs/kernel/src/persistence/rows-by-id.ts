import { EntityManager, EntityTarget, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';

/**
 * The rows of `entity` whose id is among `ids`, keyed by id, in one statement (none for an empty batch): what a
 * DataLoader's batch function or a registry's `locate` reads. Ids with no row are absent from the map.
 */
export async function rowsById<T extends ObjectLiteral & { id: string }>(
  manager: Pick<EntityManager, 'getRepository'>,
  entity: EntityTarget<T>,
  ids: readonly string[],
): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  const where = { id: In([...ids]) } as FindOptionsWhere<T>;
  const rows = await manager.getRepository(entity).findBy(where);
  return new Map(rows.map((row) => [row.id, row]));
}

/** How many rows of `entity` have their id among `ids` (an id given twice counts once), in one statement (none for an empty batch). */
export async function countById<T extends ObjectLiteral & { id: string }>(
  manager: Pick<EntityManager, 'getRepository'>,
  entity: EntityTarget<T>,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  return manager.getRepository(entity).countBy({ id: In([...new Set(ids)]) } as FindOptionsWhere<T>);
}
