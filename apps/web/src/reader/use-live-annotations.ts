import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { whenLiveReconnected } from '../app/apollo';
import { useSession } from '../app/session';
import { announce } from '../annotations/announce';
import { DocumentLiveEventsDocument, type DocumentLiveEventsSubscription } from '../graphql/generated/graphql';
import type { ReaderAnnotation } from './use-annotations';

type LiveEvent = DocumentLiveEventsSubscription['liveEvents'];

/** Events that change what the reader shows: annotations, and replies under them (their counts). */
function touchesAnnotations(event: LiveEvent): boolean {
  return event.subjectType === 'ANNOTATION' || event.subjectType === 'COMMENT';
}

/** How long the reader waits for a burst of events to end before it reads the annotations again. */
const SETTLE_MS = 250;

/**
 * The reader's live updates: what happens on the document arrives over the live socket (ids only); the reader then
 * reads its annotations again (`refresh`, quietly), and announces through the page's live region each new
 * annotation someone else made, once it is drawn. After a cut, it subscribes again from the last `seq` it received,
 * so it misses nothing.
 */
export function useLiveAnnotations(
  documentId: string,
  annotations: readonly ReaderAnnotation[],
  refresh: () => void,
): void {
  const intl = useIntl();
  const { viewer } = useSession();
  const lastSeq = useRef<number>(0);
  const toAnnounce = useRef(new Set<string>());
  const settle = useRef<number | undefined>(undefined);
  const [after, setAfter] = useState<string | null>(null);

  useEffect(() => whenLiveReconnected(() => setAfter(lastSeq.current ? String(lastSeq.current) : null)), []);
  useEffect(() => () => window.clearTimeout(settle.current), []);

  useSubscription(DocumentLiveEventsDocument, {
    variables: { documentId, after },
    skip: !viewer,
    onData: ({ data }) => {
      const event = data.data?.liveEvents;
      if (!event || Number(event.seq) <= lastSeq.current) return;
      lastSeq.current = Number(event.seq);
      if (!touchesAnnotations(event)) return;
      if (event.type === 'ANNOTATION_CREATED' && event.actorId !== viewer?.id) toAnnounce.current.add(event.subjectId);
      window.clearTimeout(settle.current);
      settle.current = window.setTimeout(refresh, SETTLE_MS);
    },
  });

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
