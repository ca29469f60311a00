import type { QueueItemFieldsFragment } from '../../graphql/generated/graphql';

/**
 * Where a reported piece of content lives in the web client: the reader at its article (annotations and their
 * replies), the thread, the consultation. Null when the client has no page for it.
 */
export function locatorHref(locator: QueueItemFieldsFragment['locator']): string | null {
  if (locator.documentId && locator.versionNumber)
    return `/read/${locator.documentId}/${locator.versionNumber}${locator.sectionKey ? `#${locator.sectionKey}` : ''}`;
  if (locator.threadId) return `/threads/${locator.threadId}`;
  if (locator.consultationId) return `/consultations/${locator.consultationId}`;
  return null;
}
