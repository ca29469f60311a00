import { screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { renderWithProviders, viewerFixture } from '../../annotations/test-support';
import { LiveEventsDocument, ModerationQueueDocument } from '../../graphql/generated/graphql';
import { ModerationQueue } from './ModerationQueue';

vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock('../../app/session', () => ({ useSession: () => session }));

const item = {
  __typename: 'ModerationQueueItem' as const,
  contentType: 'ANNOTATION' as const,
  contentId: 'a-1',
  hidden: false,
  version: 1,
  openReports: 1,
  excerpt: 'Un texte signalé',
  explanations: ['Ton agressif'],
  oldestReportAt: '2026-12-01T10:00:00.000Z',
  reasons: [{ __typename: 'ReasonCount' as const, reason: 'ABUSIVE' as const, count: 1 }],
  locator: {
    __typename: 'ContentLocator' as const,
    documentId: 'd-1',
    versionNumber: 1,
    sectionKey: null,
    annotationId: 'a-1',
    spaceId: null,
    threadId: null,
    consultationId: null,
    contributionId: null,
  },
  author: {
    __typename: 'User' as const,
    id: 'u-9',
    displayName: 'Hicham Berrada',
    status: 'ACTIVE' as const,
    version: 1,
  },
};

const queue = (items: (typeof item)[]) => ({
  request: { query: ModerationQueueDocument, variables: { filter: {} } },
  result: {
    data: {
      moderationQueue: {
        __typename: 'ModerationQueueConnection' as const,
        totalCount: items.length,
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
        edges: items.map((node) => ({ __typename: 'ModerationQueueEdge' as const, node })),
      },
    },
  },
});

describe('ModerationQueue', () => {
  beforeEach(() => {
    session.viewer = viewerFixture();
  });

  it('reads itself again when someone reports live, and says so politely', async () => {
    renderWithProviders(
      <MemoryRouter>
        <ModerationQueue />
      </MemoryRouter>,
      {
        mocks: [
          queue([]),
          {
            request: { query: LiveEventsDocument, variables: { moderationQueue: true, after: null } },
            delay: 50,
            result: {
              data: {
                liveEvents: {
                  __typename: 'LiveEvent' as const,
                  seq: '7',
                  type: 'QUEUE_CHANGED' as const,
                  subjectType: 'ANNOTATION' as const,
                  subjectId: 'a-1',
                  actorId: 'u-someone-else',
                },
              },
            },
          },
          queue([item]),
        ],
      },
    );
    expect(await screen.findByText('Aucun contenu signalé')).toBeInTheDocument();
    expect(await screen.findByText('Un texte signalé')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.getByText('La file a été mise à jour : 1 nouveau signalement ou décision d’autres personnes.'),
      ).toHaveAttribute('aria-live', 'polite'),
    );
  });
});
