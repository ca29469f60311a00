import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { useSession } from '../app/session';
import { useLiveEvents, type LiveEvent } from '../app/use-live-events';
import { announce } from '../annotations/announce';
import type { ThreadPageQuery } from '../graphql/generated/graphql';

type Reply = ThreadPageQuery['thread']['replies']['edges'][number]['node'];

/** What a burst of others' events says, once the thread has been read again (new replies named by author). */
function describe(
  events: readonly LiveEvent[],
  replies: readonly Reply[],
  message: (id: string, values?: Record<string, string | number>) => string,
): string[] {
  const parts: string[] = [];
  const created = events.filter((event) => event.type === 'COMMENT_CREATED');
  for (const event of created) {
    const author = replies.find((reply) => reply.id === event.subjectId)?.author?.displayName;
    parts.push(message('spaces.live.reply', { author: author ?? message('spaces.live.someone') }));
  }
  const count = (type: LiveEvent['type']) => events.filter((event) => event.type === type).length;
  const edited = count('COMMENT_CHANGED') + count('THREAD_CHANGED');
  if (edited) parts.push(message('spaces.live.edited', { count: edited }));
  const deleted = count('COMMENT_DELETED') + count('THREAD_DELETED');
  if (deleted) parts.push(message('spaces.live.deleted', { count: deleted }));
  if (count('CONTENT_HIDDEN')) parts.push(message('spaces.live.hidden', { count: count('CONTENT_HIDDEN') }));
  if (count('CONTENT_RESTORED')) parts.push(message('spaces.live.restored', { count: count('CONTENT_RESTORED') }));
  return parts;
}

/**
 * A thread's live updates (useLiveEvents on the thread): new replies, edits, deletions and moderation (hidden
 * content disappears, restored content reappears) are read again with `refetch`, then announced politely through
 * the page's live region — only what others did (one's own actions are announced where they were made).
 */
export function useLiveThread(threadId: string, refetch: () => Promise<{ data?: ThreadPageQuery }>): void {
  const intl = useIntl();
  const { viewer } = useSession();
  const viewerId = viewer?.id;
  const onEvents = useCallback(
    (events: readonly LiveEvent[]) => {
      const others = events.filter((event) => event.actorId !== viewerId);
      void refetch()
        .then(({ data }) => {
          const replies = data?.thread.replies.edges.map(({ node }) => node) ?? [];
          const parts = describe(others, replies, (id, values) => intl.formatMessage({ id }, values));
          if (parts.length > 0) announce(parts.join(' · '));
        })
        // The thread went away for this reader (hidden, deleted, access lost): the page shows it on its next read.
        .catch(() => undefined);
    },
    [refetch, viewerId, intl],
  );
  useLiveEvents(threadId ? { threadId } : null, onEvents);
}
