import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { renderWithProviders } from '../../annotations/test-support';
import {
  ModerationFilterChoicesDocument,
  ModerationLogDocument,
  ModerationQueueDocument,
} from '../../graphql/generated/graphql';
import { ModerationLog } from './ModerationLog';
import { ModerationQueue } from './ModerationQueue';

vi.setConfig({ testTimeout: 20_000 });
// The queue follows live events for a signed-in viewer (ModerationQueue.spec.tsx); these filters need none.
vi.mock('../../app/session', () => ({ useSession: () => ({ viewer: null }) }));

const emptyPage = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const queueResult = (count: number) => ({
  data: {
    moderationQueue: { __typename: 'ModerationQueueConnection', totalCount: count, pageInfo: emptyPage, edges: [] },
  },
});
const choices = {
  request: { query: ModerationFilterChoicesDocument },
  result: {
    data: {
      documents: {
        __typename: 'DocumentConnection',
        edges: [
          {
            __typename: 'DocumentEdge',
            node: { __typename: 'Document', id: 'doc-1', reference: 'C-15/2025', title: 'Circulaire' },
          },
        ],
      },
      spaces: {
        __typename: 'SpaceConnection',
        edges: [{ __typename: 'SpaceEdge', node: { __typename: 'Space', id: 'space-1', name: 'Fédération' } }],
      },
    },
  },
};

let location = '';
function Where() {
  const current = useLocation();
  location = `${current.pathname}${current.search}`;
  return null;
}

describe('moderation queue filters', () => {
  it('reads its filters from the URL and writes the space chosen back into it', async () => {
    const sent = vi.fn();
    renderWithProviders(
      <MemoryRouter initialEntries={['/console/moderation?reason=SPAM&document=doc-1&hidden=bogus']}>
        <ModerationQueue />
        <Where />
      </MemoryRouter>,
      {
        mocks: [
          choices,
          {
            request: { query: ModerationQueueDocument, variables: { filter: { reason: 'SPAM', documentId: 'doc-1' } } },
            result: () => (sent('document'), queueResult(2)),
          },
          {
            request: {
              query: ModerationQueueDocument,
              variables: { filter: { reason: 'SPAM', documentId: 'doc-1', spaceId: 'space-1' } },
            },
            result: () => (sent('space'), queueResult(1)),
          },
        ],
      },
    );
    expect(await screen.findByText('2 contenus signalés', { exact: false })).toBeInTheDocument();
    expect(sent).toHaveBeenCalledWith('document');
    const documentField = screen.getByLabelText('Document');
    await waitFor(() => expect(documentField).toHaveDisplayValue('C-15/2025 — Circulaire'));
    expect(screen.getByLabelText('Visibilité', { exact: false })).toHaveValue('');
    await userEvent.selectOptions(screen.getByLabelText('Espace'), 'space-1');
    await waitFor(() => expect(sent).toHaveBeenCalledWith('space'));
    expect(location).toContain('space=space-1');
    expect(location).toContain('document=doc-1');
  });
});

describe('moderation log content filter', () => {
  it('narrows the log to one piece of content from the URL, and widens it again', async () => {
    const logResult = (count: number) => ({
      data: {
        moderationLog: { __typename: 'ModerationLogConnection', totalCount: count, pageInfo: emptyPage, edges: [] },
      },
    });
    renderWithProviders(
      <MemoryRouter initialEntries={['/console/moderation/log?type=COMMENT&content=c-1']}>
        <ModerationLog />
        <Where />
      </MemoryRouter>,
      {
        mocks: [
          {
            request: {
              query: ModerationLogDocument,
              variables: { filter: { contentType: 'COMMENT', contentId: 'c-1' } },
            },
            result: logResult(3),
          },
          {
            request: { query: ModerationLogDocument, variables: { filter: { contentType: 'COMMENT' } } },
            result: logResult(9),
          },
        ],
      },
    );
    expect(await screen.findByText(/Uniquement l’historique de ce contenu/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Tout le journal' }));
    await waitFor(() => expect(location).toBe('/console/moderation/log?type=COMMENT'));
    expect(screen.queryByText(/Uniquement l’historique/)).not.toBeInTheDocument();
  });
});
