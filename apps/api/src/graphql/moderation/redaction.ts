import { Actor, isStaff } from '@majlis/kernel';
import type { ModerationState } from '@majlis/moderation';

interface Authored {
  readonly authorId: string;
  readonly deletedAt: Date | null;
}

/**
 * Whether a reader sees a piece of content's text and author: not once its author deleted it, and not while
 * moderation hides it — except its author and platform moderators. (Redacted content still holds its place when
 * replies hang under it.)
 */
export function isRedactedFor(actor: Actor | null, content: Authored, state: ModerationState | null): boolean {
  if (content.deletedAt) return true;
  if (!state?.hidden) return false;
  return !actor || !(isStaff(actor) || actor.userId === content.authorId);
}

/** The moderation state, shown to the content's author (who learns it was hidden, and why) and to moderators. */
export function moderationFor(
  actor: Actor | null,
  content: Authored,
  state: ModerationState | null,
): ModerationState | null {
  if (!actor || !(isStaff(actor) || actor.userId === content.authorId)) return null;
  return state ?? { hidden: false, reason: null, hiddenAt: null };
}
