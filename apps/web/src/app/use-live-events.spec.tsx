import { act, waitFor } from '@testing-library/react';
import { apiError, renderWithProviders, viewerFixture } from '../annotations/test-support';
import { LiveEventsDocument } from '../graphql/generated/graphql';
import { type LiveEvent, useLiveEvents } from './use-live-events';

vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock('./session', () => ({ useSession: () => session }));
const reconnected = vi.hoisted(() => [] as (() => void)[]);
vi.mock('./apollo', () => ({
  whenLiveReconnected: (listener: () => void) => {
    reconnected.push(listener);
    return () => undefined;
  },
}));

const liveEvent = (seq: number) => ({
  __typename: 'LiveEvent' as const,
  seq: String(seq),
  type: 'ANNOTATION_CREATED' as const,
  subjectType: 'ANNOTATION' as const,
  subjectId: `a-${seq}`,
  actorId: 'u-2',
});

const subscription = (after: string | null, result: object) => ({
  request: { query: LiveEventsDocument, variables: { documentId: 'd-1', after } },
  result,
});

function Live({ onEvents }: { onEvents: (events: readonly LiveEvent[]) => void }) {
  useLiveEvents({ documentId: 'd-1' }, onEvents);
  return null;
}

describe('useLiveEvents', () => {
  beforeEach(() => {
    session.viewer = viewerFixture();
    reconnected.length = 0;
  });

  it('reads everything again when what was missed cannot be replayed (RESYNC_REQUIRED), then follows from now', async () => {
    const onEvents = vi.fn();
    renderWithProviders(<Live onEvents={onEvents} />, {
      mocks: [
        subscription(null, { data: { liveEvents: liveEvent(5) } }),
        subscription('5', apiError('RESYNC_REQUIRED')),
        subscription(null, { data: { liveEvents: liveEvent(9) } }),
      ],
    });
    await waitFor(() => expect(onEvents).toHaveBeenCalledWith([expect.objectContaining({ seq: '5' })]));

    // The socket was cut and came back: it resumes after seq 5, which the API can no longer replay.
    act(() => reconnected.forEach((listener) => listener()));
    await waitFor(() => expect(onEvents).toHaveBeenCalledWith([]));
    await waitFor(() => expect(onEvents).toHaveBeenLastCalledWith([expect.objectContaining({ seq: '9' })]));
  });
});
