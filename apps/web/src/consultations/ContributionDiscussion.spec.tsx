import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, person, renderWithProviders, replyFixture, viewerFixture } from '../annotations/test-support';
import {
  ContributionDiscussionDocument,
  EditReplyDocument,
  LiveEventsDocument,
  PostReplyDocument,
  type ReplyFieldsFragment,
} from '../graphql/generated/graphql';
import { ContributionDiscussion } from './ContributionDiscussion';

// Typing with user-event takes a while on a loaded 2-core machine: room, not a timing goal.
vi.setConfig({ testTimeout: 30_000 });

const session = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock('../app/session', () => ({ useSession: () => session }));

const variables = { consultationId: 'k1', organizationId: 'o-fmo' };
const discussion = (replies: ReplyFieldsFragment[]): MockLink.MockedResponse => ({
  request: { query: ContributionDiscussionDocument, variables },
  result: {
    data: {
      contribution: {
        __typename: 'Contribution',
        id: 'c1',
        comments: {
          __typename: 'CommentConnection',
          totalCount: replies.length,
          edges: replies.map((node) => ({ __typename: 'CommentEdge', node })),
        },
      },
    },
  },
});

const tree = [
  replyFixture({
    id: 'r1',
    depth: 1,
    author: person('u1', 'Amina'),
    isDeleted: true,
    bodyHtml: null,
    bodyMarkdown: null,
  }),
  replyFixture({ id: 'r2', depth: 2, parentId: 'r1', author: person('u-me', 'Salma Idrissi') }),
  replyFixture({ id: 'r3', depth: 3, parentId: 'r2', author: person('u3', 'Chama') }),
];

function renderDiscussion(mocks: MockLink.MockedResponse[]) {
  return renderWithProviders(<ContributionDiscussion {...variables} contributionId="c1" />, { mocks });
}

beforeEach(() => {
  window.localStorage.clear();
  // A representative of the federation: in its own internal discussion, nobody speaks "on behalf of" it.
  session.viewer = viewerFixture();
});

describe('ContributionDiscussion: the shared reply tree in a contribution', () => {
  it('nests replies three deep under a tombstone, with edit for one’s own and report for others’', async () => {
    renderDiscussion([discussion(tree)]);
    const deepest = await screen.findByRole('article', { name: 'Réponse de Chama' });
    const mine = screen.getByRole('article', { name: 'Réponse de Salma Idrissi' });
    const tombstone = screen.getByRole('article', { name: 'Réponse de Amina' });
    expect(tombstone.closest('li')?.contains(mine)).toBe(true);
    expect(mine.closest('li')?.contains(deepest)).toBe(true);
    // The deleted reply keeps its place (replies hang under it) but offers nothing.
    expect(within(tombstone).queryByRole('button')).toBeNull();
    expect(within(mine).getByRole('button', { name: 'Répondre' })).toBeInTheDocument();
    expect(within(mine).getByRole('button', { name: 'Modifier' })).toBeInTheDocument();
    expect(within(mine).queryByRole('button', { name: 'Signaler' })).toBeNull();
    expect(within(deepest).queryByRole('button', { name: 'Répondre' })).toBeNull();
    expect(within(deepest).getByRole('button', { name: 'Signaler' })).toBeInTheDocument();
  });

  it('posts a nested reply into the contribution, personally, and shows it under its parent', async () => {
    const posted = vi.fn();
    const reply = replyFixture({
      id: 'r4',
      depth: 3,
      parentId: 'r2',
      author: person('u-me', 'Salma Idrissi'),
      bodyHtml: '<p>Je reprends la formulation.</p>',
    });
    renderDiscussion([
      discussion(tree),
      {
        request: { query: PostReplyDocument, variables: () => true },
        result: (vars) => {
          posted(vars);
          return { data: { postComment: { __typename: 'CommentPayload', comment: reply } } };
        },
      },
    ]);
    const mine = await screen.findByRole('article', { name: 'Réponse de Salma Idrissi' });
    await userEvent.click(within(mine).getByRole('button', { name: 'Répondre' }));
    expect(screen.queryByLabelText('Publier en tant que')).toBeNull();
    await userEvent.type(screen.getByRole('combobox'), 'Je reprends la formulation.');
    await userEvent.click(screen.getByRole('button', { name: 'Publier la réponse' }));
    await waitFor(() => expect(posted).toHaveBeenCalled());
    expect(posted).toHaveBeenCalledWith({
      input: expect.objectContaining({
        subjectType: 'CONTRIBUTION',
        subjectId: 'c1',
        parentId: 'r2',
        body: 'Je reprends la formulation.',
        onBehalfOfOrganizationId: null,
      }),
    });
    const shown = await screen.findByText('Je reprends la formulation.');
    expect(mine.closest('li')?.contains(shown)).toBe(true);
  });

  it('keeps the text typed when an edit meets a colleague’s (CONFLICT), and loads theirs from the discussion', async () => {
    const theirs = replyFixture({
      ...tree[1],
      id: 'r2',
      version: 2,
      bodyMarkdown: 'Version de ma collègue',
      bodyHtml: '<p>Version de ma collègue</p>',
    });
    renderDiscussion([
      discussion(tree),
      { request: { query: EditReplyDocument, variables: () => true }, result: apiError('CONFLICT', 'stale') },
      discussion([tree[0], theirs, tree[2]]),
    ]);
    const mine = await screen.findByRole('article', { name: 'Réponse de Salma Idrissi' });
    await userEvent.click(within(mine).getByRole('button', { name: 'Modifier' }));
    const field = within(mine).getByRole('combobox');
    await userEvent.clear(field);
    await userEvent.type(field, 'Ma version');
    await userEvent.click(within(mine).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(mine).findByRole('alert')).toHaveTextContent('Quelqu’un a modifié ce texte entre-temps');
    expect(field).toHaveValue('Ma version');
    await userEvent.click(within(mine).getByRole('button', { name: 'Charger la dernière version' }));
    expect(await within(mine).findByRole('region', { name: 'Dernière version enregistrée' })).toHaveTextContent(
      'Version de ma collègue',
    );
  });
});

describe('ContributionDiscussion: live', () => {
  it('reads the discussion again when a colleague replies, and says so politely', async () => {
    const fresh = replyFixture({
      id: 'r5',
      depth: 1,
      author: person('u3', 'Chama'),
      bodyHtml: '<p>Nouveau point.</p>',
    });
    renderDiscussion([
      discussion(tree),
      {
        request: { query: LiveEventsDocument, variables: { consultationId: 'k1', after: null } },
        result: {
          data: {
            liveEvents: {
              __typename: 'LiveEvent',
              seq: '41',
              type: 'COMMENT_CREATED',
              subjectType: 'COMMENT',
              subjectId: 'r5',
              actorId: 'u3',
            },
          },
        },
        delay: 50,
      },
      discussion([...tree, fresh]),
    ]);
    expect(await screen.findByText('Nouveau point.')).toBeInTheDocument();
    await waitFor(() => expect(document.body.textContent).toContain('La discussion interne a changé (un message).'));
  });
});
