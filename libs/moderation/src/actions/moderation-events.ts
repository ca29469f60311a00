import type { EntityManager } from 'typeorm';
import { DomainEventType, recordEvent } from '@majlis/kernel';
import type { ContentFacts, ContentType } from '../content/moderated-content';

/**
 * The event of a moderation decision on a piece of content (hidden, restored, a thread locked or unlocked), in the
 * decision's transaction: hidden content disappears live and restored content reappears. Ids only; who may still
 * read the content is decided at delivery, by the content's own policy.
 */
/**
 * The moderation queue changed for a piece of content (reported, or acted on), in the same transaction: moderators
 * following the queue live (`liveEvents(moderationQueue: true)`) read it again. The event names the content only,
 * with no document, space or thread, so that it reaches no other live scope (a report is not something its readers
 * learn); who receives it is decided at delivery by ModerationPolicy.canModerate (ModerationService.queueWatchers).
 */
export function recordQueueEvent(
  manager: EntityManager,
  contentType: ContentType,
  contentId: string,
  actorId: string | null,
) {
  return recordEvent(manager, { type: 'QUEUE_CHANGED', subjectType: contentType, subjectId: contentId, actorId });
}

export function recordModerationEvent(
  manager: EntityManager,
  type: Extract<DomainEventType, 'CONTENT_HIDDEN' | 'CONTENT_RESTORED' | 'THREAD_CHANGED'>,
  contentType: ContentType,
  contentId: string,
  facts: ContentFacts,
  actorId: string | null,
) {
  const locator = facts.locator ?? {};
  // A reply names what it answers, so that those who read that learn it disappeared.
  const parent =
    contentType !== 'COMMENT'
      ? null
      : locator.contributionId
        ? { parentType: 'CONTRIBUTION' as const, parentId: locator.contributionId }
        : locator.annotationId
          ? { parentType: 'ANNOTATION' as const, parentId: locator.annotationId }
          : locator.threadId
            ? { parentType: 'THREAD' as const, parentId: locator.threadId }
            : null;
  return recordEvent(manager, {
    type,
    subjectType: contentType,
    subjectId: contentId,
    ...parent,
    documentId: facts.documentId ?? locator.documentId ?? null,
    spaceId: facts.spaceId ?? locator.spaceId ?? null,
    threadId: locator.threadId ?? (contentType === 'THREAD' ? contentId : null),
    consultationId: locator.consultationId ?? null,
    actorId,
  });
}
