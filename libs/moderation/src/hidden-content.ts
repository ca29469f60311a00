import { Actor, isStaff } from '@majlis/kernel';
import type { ContentType } from './moderated-content';

/**
 * SQL condition for content areas: the row aliased `alias` (with an `author_id` column) is hidden by moderation
 * for this actor. Hidden content disappears for everyone except platform moderators and its author.
 * Binds :moderationViewer.
 */
export function hiddenForViewerSql(
  type: ContentType,
  alias: string,
  actor: Actor,
): { sql: string; params: Record<string, unknown> } {
  if (isStaff(actor)) return { sql: 'false', params: {} };
  return {
    sql: `(${hiddenSql(type, alias)} AND ${alias}.author_id <> :moderationViewer)`,
    params: { moderationViewer: actor.userId },
  };
}

/** SQL condition: the row aliased `alias` is hidden by moderation (for counts and exports, which leave it out for everyone). */
export function hiddenSql(type: ContentType, alias: string): string {
  return `EXISTS (SELECT 1 FROM content_moderation moderation WHERE moderation.content_type = '${type}' AND moderation.content_id = ${alias}.id AND moderation.hidden)`;
}
