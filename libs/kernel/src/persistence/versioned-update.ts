import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ConflictError } from '../errors/domain-error';
import { CommonReason } from '../errors/common.reasons';

/**
 * Optimistic concurrency: `UPDATE … SET …, version = version + 1 WHERE id = $id AND version = $expected`.
 * When no row matches, someone else changed it first: CONFLICT, never a silent overwrite.
 * Callers check visibility (and existence) before calling this.
 *
 * The bump is TypeORM's: an entity's `@VersionColumn` gets `version = version + 1` (and its `@UpdateDateColumn`
 * the time) on every UPDATE through a repository or a query builder, so no code sets `version` by hand. The entity
 * must have one (checked here).
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
  what = 'This item',
): Promise<void> {
  if (!manager.connection.getMetadata(entity).versionColumn)
    throw new Error(`updateVersioned: ${manager.connection.getMetadata(entity).name} has no @VersionColumn`);
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set(changes)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (result.affected !== 1) throw staleVersionError(what);
}

/**
 * The CONFLICT of an optimistic update whose expected version no longer matches, for hot paths that bump the version
 * in plain SQL (`… SET version = version + 1 … WHERE id = $1 AND version = $2`, no row back: this error).
 */
export function staleVersionError(what = 'This item'): ConflictError {
  return new ConflictError(
    `${what} was changed by someone else since you opened it. Reload it and apply your change again.`,
    'version',
  ).because(CommonReason.STALE_VERSION);
}
