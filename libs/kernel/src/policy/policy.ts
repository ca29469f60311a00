import { ForbiddenError, NotFoundError } from '../errors/domain-error';

/**
 * A rule's SQL twin: a boolean condition on a table alias, with the named parameters it binds (TypeORM style,
 * `:name`). Every policy's list and count twins give one, and search and the query builders put them in a WHERE.
 */
export interface SqlCondition {
  readonly sql: string;
  readonly params: Record<string, unknown>;
}

/**
 * The two answers a policy gives when it says no: a thing the actor may not even see is NOT_FOUND
 * (never a hint that it exists); a thing the actor sees but may not change is FORBIDDEN.
 */
export function ensureVisible(visible: boolean, what: string): void {
  if (!visible) throw new NotFoundError(what);
}

/** FORBIDDEN with its message and its area's `reason` (see `refusalReasons`). */
export function ensureAllowed(allowed: boolean, message: string, reason: string): void {
  if (!allowed) throw new ForbiddenError(message).because(reason);
}
