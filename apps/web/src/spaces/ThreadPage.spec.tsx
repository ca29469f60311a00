import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { apiError, renderWithProviders, replyFixture, viewerFixture } from '../annotations/test-support';
import { MarkThreadReadDocument, SetThreadLockedDocument, ThreadPageDocument } from '../graphql/generated/graphql';
import { ThreadPage } from './ThreadPage';

vi.setConfig({ testTimeout: 30_000 });

const session = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock('../app/session', () => ({ useSession: () => session }));

const thread = (overrides: { locked?: boolean; viewerCanModerate?: boolean } = {}) => ({
  __typename: 'Thread',
  id: 't1',
  title: 'Notre lecture de l’article 3',
  tags: ['capital-humain'],
  pinned: false,
  locked: overrides.locked ?? false,
  isDeleted: false,
  bodyHtml: '<p>Le plafond est trop bas.</p>',
  bodyMarkdown: 'Le plafond est trop bas.',
  createdAt: '2026-12-01T10:00:00.000Z',
  editedAt: null,
  lastActivityAt: '2026-12-01T10:00:00.000Z',
  version: 1,
  author: { __typename: 'User', id: 'u-other', displayName: 'Khadija Amrani' },
  organization: null,
  moderation: null,
  citation: {
    __typename: 'Citation',
    documentId: 'd1',
    sectionKey: 'art-3',
    version: {
      __typename: 'DocumentVersion',
      id: 'v2',
      number: 2,
      sections: [{ __typename: 'DocumentSection', key: 'art-3', heading: 'Article 3 — Aide à la formation initiale' }],
    },
  },
  space: {
    __typename: 'Space',
    id: 's1',
    slug: 'federation-fmo',
    name: 'FMO — espace privé',
    visibility: 'PRIVATE',
    viewerCanPost: true,
    viewerCanModerate: overrides.viewerCanModerate ?? false,
  },
  replies: {
    __typename: 'CommentConnection',
    totalCount: 1,
    edges: [{ __typename: 'CommentEdge', node: replyFixture({ id: 'c1' }) }],
  },
});

const markRead: MockLink.MockedResponse = {
  request: { query: MarkThreadReadDocument, variables: { input: { id: 't1' } } },
  result: {
    data: {
      markThreadRead: { __typename: 'ThreadPayload', thread: { __typename: 'Thread', id: 't1', unreadCount: 0 } },
    },
  },
};

function renderPage(mocks: MockLink.MockedResponse[]) {
  return renderWithProviders(
    <MemoryRouter initialEntries={['/threads/t1']}>
      <Routes>
        <Route path="/threads/:threadId" element={<ThreadPage />} />
      </Routes>
    </MemoryRouter>,
    { mocks },
  );
}

beforeEach(() => {
  session.viewer = viewerFixture({ memberships: [] });
});

describe('ThreadPage', () => {
  it('shows the thread, links its citation into the reader at the article, and lets a reader reply and report', async () => {
    renderPage([
      { request: { query: ThreadPageDocument, variables: { id: 't1' } }, result: { data: { thread: thread() } } },
      markRead,
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Notre lecture de l’article 3' });
    expect(screen.getByRole('link', { name: 'Article 3 — Aide à la formation initiale' })).toHaveAttribute(
      'href',
      '/read/d1/2#art-3',
    );
    expect(screen.getByRole('link', { name: 'Fils avec l’étiquette capital-humain' })).toHaveAttribute(
      'href',
      '/spaces/federation-fmo?tag=capital-humain',
    );
    expect(screen.getAllByRole('button', { name: 'Répondre' }).length).toBeGreaterThan(0);
    expect(screen.getAllByRole('button', { name: 'Signaler' }).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Épingler' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Modifier' })).not.toBeInTheDocument();
  });

  it('offers pin and lock to moderators; a locked thread takes no reply', async () => {
    renderPage([
      {
        request: { query: ThreadPageDocument, variables: { id: 't1' } },
        result: { data: { thread: thread({ locked: true, viewerCanModerate: true }) } },
      },
      markRead,
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Notre lecture de l’article 3' });
    expect(screen.getByRole('button', { name: 'Épingler' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: 'Verrouiller' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/Ce fil est verrouillé/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Répondre' })).not.toBeInTheDocument();
  });

  it('asks for the reason before locking, keeps what was typed when the API refuses, then locks', async () => {
    const sent = vi.fn();
    let attempts = 0;
    renderPage([
      {
        request: { query: ThreadPageDocument, variables: { id: 't1' } },
        result: { data: { thread: thread({ viewerCanModerate: true }) } },
      },
      markRead,
      {
        request: { query: SetThreadLockedDocument, variables: () => true },
        maxUsageCount: 2,
        result: (variables) => {
          sent(variables);
          attempts += 1;
          return attempts === 1
            ? apiError('FORBIDDEN')
            : {
                data: {
                  setThreadLocked: {
                    __typename: 'ThreadPayload',
                    thread: { ...thread({ locked: true, viewerCanModerate: true }) },
                  },
                },
              };
        },
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Verrouiller' }));
    const dialog = screen.getByRole('dialog', { name: 'Verrouiller ce fil' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Verrouiller' }));
    expect(within(dialog).getByLabelText('Motif')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('Motif')).toHaveFocus();
    await userEvent.type(within(dialog).getByLabelText('Motif'), 'Échanges devenus personnels');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Verrouiller' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Vous n’avez pas le droit de faire cela.');
    expect(within(dialog).getByLabelText('Motif')).toHaveValue('Échanges devenus personnels');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Verrouiller' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent).toHaveBeenLastCalledWith({ input: { id: 't1', value: true, reason: 'Échanges devenus personnels' } });
  });

  it('answers NOT_FOUND with the not-found page, giving nothing away', async () => {
    renderPage([{ request: { query: ThreadPageDocument, variables: { id: 't1' } }, result: apiError('NOT_FOUND') }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Retour aux espaces' })).toHaveAttribute('href', '/spaces');
  });
});
