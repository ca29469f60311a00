import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { LiveEventsDocument, type LiveEventsSubscription } from '../graphql/generated/graphql';
import { liveConnection, whenLiveReconnected } from './apollo';
import { errorCodeOf } from './errors';
import { useSession } from './session';

export type LiveEvent = LiveEventsSubscription['liveEvents'];

/** One subject of live events: exactly one of these ids. */
export type LiveSubject =
  | { readonly documentId: string }
  | { readonly spaceId: string }
  | { readonly threadId: string }
  | { readonly consultationId: string }
  /** One's own inbox: INBOX_CHANGED when notifications arrive (the API delivers it to the recipient only). */
  | { readonly inbox: true }
  /** The moderation queue (moderators only): QUEUE_CHANGED when content they moderate is reported or acted on. */
  | { readonly moderationQueue: true };

/** How long a page waits for a burst of events to end before it reads again what changed. */
const SETTLE_MS = 250;

/**
 * The live updates of one subject: what happens on it arrives over the live socket (ids only), and `onEvents` is
 * called once per burst (nothing while `subject` is null) (after SETTLE_MS without news) with the events of that burst, so that the page reads again
 * what changed and announces it. Signed-out visitors do not subscribe. After a cut, it subscribes again from the
 * last `seq` it received, so it misses nothing, and an event delivered twice is passed on once.
 *
 * When the API cannot replay what was missed (RESYNC_REQUIRED: the events after the last `seq` were pruned, see the
 * API's EVENT_RETENTION_DAYS, or there are too many), `onEvents` is called with no events, which means "read
 * everything again", and it subscribes afresh from now.
 */
export function useLiveEvents(subject: LiveSubject | null, onEvents: (events: readonly LiveEvent[]) => void): void {
  const { viewer } = useSession();
  const lastSeq = useRef<number>(0);
  const pending = useRef<LiveEvent[]>([]);
  const settle = useRef<number | undefined>(undefined);
  const handler = useRef(onEvents);
  const [after, setAfter] = useState<string | null>(null);

  useEffect(() => {
    handler.current = onEvents;
  }, [onEvents]);
  useEffect(() => whenLiveReconnected(() => setAfter(lastSeq.current ? String(lastSeq.current) : null)), []);
  useEffect(() => () => window.clearTimeout(settle.current), []);

  useSubscription(LiveEventsDocument, {
    variables: { ...(subject ?? {}), after },
    skip: !viewer || !subject,
    onError: (error) => {
      if (errorCodeOf(error) !== 'RESYNC_REQUIRED') return;
      lastSeq.current = 0;
      pending.current = [];
      window.clearTimeout(settle.current);
      setAfter(null);
      handler.current([]);
    },
    onData: ({ data }) => {
      const event = data.data?.liveEvents;
      if (!event || Number(event.seq) <= lastSeq.current) return;
      lastSeq.current = Number(event.seq);
      pending.current.push(event);
      window.clearTimeout(settle.current);
      settle.current = window.setTimeout(() => {
        const events = pending.current;
        pending.current = [];
        handler.current(events);
      }, SETTLE_MS);
    },
  });
}

/** Whether the live socket is connected now (what follows live updates polls slowly only while it is not). */
export function useLiveConnected(): boolean {
  return useSyncExternalStore(liveConnection.subscribe, liveConnection.connected, () => false);
}
