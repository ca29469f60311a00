import type { MaybeActor } from '@majlis/kernel';
import { ModerationPolicy } from '../moderation.policy';

/** The moderation state of a piece of content, as its author and its moderators see it. */
export interface ModerationState {
  readonly hidden: boolean;
  readonly reason: string | null;
  readonly hiddenAt: Date | null;
}

/** The state with who moderates it: what redaction decides from. */
export interface ModerationRecord extends ModerationState {
  readonly spaceId: string | null;
  readonly platformModerated: boolean;
  readonly moderatingOrganizationId: string | null;
}

/** What redaction needs of any authored content (annotation, thread, comment). */
export interface RedactableContent {
  readonly authorId: string;
  readonly deletedAt: Date | null;
}

/**
 * The one placeholder of redacted content, whatever its type and field (title, body, tags, suggested text, author,
 * organisation): null. Clients say "deleted" or "hidden by moderation" in the reader's language.
 */
export const REDACTED = null;

/**
 * Redaction of deleted and hidden content that still holds its place (above replies), for every content type:
 * one mechanism, one placeholder. Lists leave hidden content out with ModerationPolicy.hiddenForViewerSql; what
 * remains (because replies hang under it) is redacted here for the same readers.
 */
export const Redaction = {
  /**
   * Whether the reader gets the placeholder: deleted by its author, or hidden unless ModerationPolicy.seesHidden
   * (its author and its moderators). `moderatedSpaceIds`: the spaces the reader moderates.
   */
  isRedacted(
    actor: MaybeActor,
    content: RedactableContent,
    record: ModerationRecord | null,
    moderatedSpaceIds: readonly string[] = [],
  ): boolean {
    if (content.deletedAt) return true;
    if (!record?.hidden) return false;
    return !actor || !ModerationPolicy.seesHidden(actor, content, record, moderatedSpaceIds);
  },

  /**
   * isRedacted, asking for the spaces the reader moderates only when it matters (hidden content of a space, read by
   * someone other than its author); answered at once (no promise) when they do not, as for almost every row.
   */
  resolve(
    actor: MaybeActor,
    content: RedactableContent,
    record: ModerationRecord | null,
    moderatedSpaces: () => Promise<readonly string[]>,
  ): boolean | Promise<boolean> {
    const needsSpaces = !!actor && !content.deletedAt && !!record?.hidden && !!record.spaceId;
    if (!needsSpaces) return Redaction.isRedacted(actor, content, record);
    return moderatedSpaces().then((spaces) => Redaction.isRedacted(actor, content, record, spaces));
  },

  /** The moderation state, for its author (who learns it was hidden, and why) and its moderators. */
  async stateFor(
    actor: MaybeActor,
    content: RedactableContent,
    record: ModerationRecord | null,
    moderatedSpaces: () => Promise<readonly string[]>,
  ): Promise<ModerationState | null> {
    if (!actor) return null;
    const scope = record ?? { spaceId: null, platformModerated: true, moderatingOrganizationId: null };
    const spaces = scope.spaceId && content.authorId !== actor.userId ? await moderatedSpaces() : [];
    if (!ModerationPolicy.seesHidden(actor, content, scope, spaces)) return null;
    return { hidden: record?.hidden ?? false, reason: record?.reason ?? null, hiddenAt: record?.hiddenAt ?? null };
  },
};
