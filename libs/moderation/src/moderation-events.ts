import type { EntityManager } from 'typeorm';
import { DomainEventType, recordEvent } from '@majlis/kernel';
import type { ContentFacts, ContentType } from './moderated-content';

/**
 * The event of a moderation decision on a piece of content (hidden, restored, a thread locked or unlocked), in the
 * decision's transaction: hidden content disappears live and restored content reappears. Ids only; who may still
 * read the content is decided at delivery, by the content's own policy.
 */
export function recordModerationEvent(
  manager: EntityManager,
  type: Extract<DomainEventType, 'CONTENT_HIDDEN' | 'CONTENT_RESTORED' | 'THREAD_CHANGED'>,
  contentType: ContentType,
  contentId: string,
  facts: ContentFacts,
  actorId: string | null,
) {
  return recordEvent(manager, {
    type,
    subjectType: contentType,
    subjectId: contentId,
    documentId: facts.documentId ?? facts.locator?.documentId ?? null,
    spaceId: facts.spaceId ?? facts.locator?.spaceId ?? null,
    threadId: facts.locator?.threadId ?? (contentType === 'THREAD' ? contentId : null),
    consultationId: facts.locator?.consultationId ?? null,
    actorId,
  });
}
