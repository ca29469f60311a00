import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ConflictError } from '../errors/domain-error';

/**
 * Optimistic concurrency: `UPDATE … SET …, version = version + 1 WHERE id = $id AND version = $expected`.
 * When no row matches, someone else changed it first: CONFLICT, never a silent overwrite.
 * Callers check visibility (and existence) before calling this.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
  what = 'This item',
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1' } as never)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .execute();
  if (result.affected !== 1) {
    throw new ConflictError(
      `${what} was changed by someone else since you opened it. Reload it and apply your change again.`,
      'version',
    );
  }
}
