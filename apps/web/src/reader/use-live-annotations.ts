import { useCallback, useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { useSession } from '../app/session';
import { useLiveEvents, type LiveEvent } from '../app/use-live-events';
import { announce } from '../annotations/announce';
import type { ReaderAnnotation } from './use-annotations';

/** Events that change what the reader shows: annotations, and replies under them (their counts). */
function touchesAnnotations(event: LiveEvent): boolean {
  return event.subjectType === 'ANNOTATION' || event.subjectType === 'COMMENT';
}

/**
 * The reader's live updates (useLiveEvents on the document): the reader reads its annotations again (`refresh`,
 * quietly), and announces through the page's live region each new annotation someone else made, once it is drawn.
 */
export function useLiveAnnotations(
  documentId: string,
  annotations: readonly ReaderAnnotation[],
  refresh: () => void,
): void {
  const intl = useIntl();
  const { viewer } = useSession();
  const toAnnounce = useRef(new Set<string>());
  const viewerId = viewer?.id;

  const onEvents = useCallback(
    (events: readonly LiveEvent[]) => {
      const relevant = events.filter(touchesAnnotations);
      // No events at all: what was missed could not be replayed (RESYNC_REQUIRED), read everything again.
      if (events.length > 0 && relevant.length === 0) return;
      for (const event of relevant) {
        if (event.type === 'ANNOTATION_CREATED' && event.actorId !== viewerId) toAnnounce.current.add(event.subjectId);
      }
      refresh();
    },
    [refresh, viewerId],
  );
  useLiveEvents({ documentId }, onEvents);

  useEffect(() => {
    for (const annotation of annotations) {
      if (!toAnnounce.current.delete(annotation.id)) continue;
      announce(
        intl.formatMessage(
          { id: 'reader.live.added' },
          {
            motivation: intl.formatMessage({ id: `reader.motivation.${annotation.motivation}` }),
            author: annotation.author?.displayName ?? intl.formatMessage({ id: 'reader.live.someone' }),
            quote: annotation.target.exact,
          },
        ),
      );
    }
  }, [annotations, intl]);
}
