import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { apiError, renderWithProviders, viewerFixture } from '../annotations/test-support';
import { readDraft } from '../annotations/drafts';
import { CreateThreadDocument } from '../graphql/generated/graphql';
import { ThreadForm, type ThreadCitation } from './ThreadForm';

vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock('../app/session', () => ({ useSession: () => session }));

const spaces = [
  { id: 's-fmo', name: 'FMO — espace privé' },
  { id: 's-pub', name: 'Espace public du ministère' },
];
const citation: ThreadCitation = {
  documentId: 'd1',
  versionNumber: 2,
  sectionKey: 'art-3',
  heading: 'Article 3 — Aide à la formation initiale',
  documentLabel: 'Circulaire 15/2025',
};

const created = {
  __typename: 'Thread',
  id: 't-new',
  title: 'Notre lecture',
  tags: ['capital-humain', 'position'],
  pinned: false,
  locked: false,
  isDeleted: false,
  lastActivityAt: '2026-12-01T10:00:00.000Z',
  replyCount: 0,
  unreadCount: 0,
  participantCount: 1,
  author: { __typename: 'User', id: 'u-me', displayName: 'Salma Idrissi' },
  organization: null,
  citation: { __typename: 'Citation', sectionKey: 'art-3' },
  space: { __typename: 'Space', id: 's-fmo', slug: 'federation-fmo' },
};
const input = (overrides: Record<string, unknown> = {}) => ({
  spaceId: 's-fmo',
  title: 'Notre lecture',
  body: 'Le plafond est trop bas.',
  tags: ['capital-humain', 'position'],
  citation: { documentId: 'd1', versionNumber: 2, sectionKey: 'art-3' },
  onBehalfOfOrganizationId: null,
  ...overrides,
});

function renderForm(mocks: MockLink.MockedResponse[] = [], withCitation = true) {
  const onCreated = vi.fn();
  const view = renderWithProviders(
    <MemoryRouter>
      <ThreadForm
        spaces={spaces}
        citation={withCitation ? citation : null}
        onCreated={onCreated}
        onCancel={() => undefined}
      />
    </MemoryRouter>,
    { mocks },
  );
  return { ...view, onCreated };
}

const fill = async () => {
  await userEvent.selectOptions(screen.getByLabelText('Espace'), 'FMO — espace privé');
  await userEvent.type(screen.getByLabelText('Titre'), 'Notre lecture');
  await userEvent.type(screen.getByLabelText('Message (Markdown)'), 'Le plafond est trop bas.');
  await userEvent.type(
    screen.getByLabelText('Étiquettes (séparées par des virgules)'),
    'capital-humain, position, Position',
  );
};

beforeEach(() => {
  window.localStorage.clear();
  session.viewer = viewerFixture({ memberships: [] });
});

describe('ThreadForm', () => {
  it('starts with the space focused and refuses missing fields, each message tied to its field', async () => {
    const { onCreated } = renderForm();
    expect(screen.getByLabelText('Espace')).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Lancer le fil' }));
    expect(screen.getByLabelText('Espace')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Espace')).toHaveAccessibleDescription('Choisissez l’espace où lancer le fil.');
    expect(screen.getByLabelText('Titre')).toHaveAccessibleDescription('Donnez un titre au fil.');
    expect(screen.getByLabelText('Message (Markdown)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Espace')).toHaveFocus();
    await userEvent.selectOptions(screen.getByLabelText('Espace'), 'FMO — espace privé');
    await userEvent.click(screen.getByRole('button', { name: 'Lancer le fil' }));
    expect(screen.getByLabelText('Titre')).toHaveFocus();
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('checks tags as the API does before sending', async () => {
    renderForm();
    await fill();
    await userEvent.clear(screen.getByLabelText('Étiquettes (séparées par des virgules)'));
    await userEvent.type(screen.getByLabelText('Étiquettes (séparées par des virgules)'), 'deux mots');
    await userEvent.click(screen.getByRole('button', { name: 'Lancer le fil' }));
    expect(screen.getByLabelText('Étiquettes (séparées par des virgules)')).toHaveFocus();
    expect(screen.getByText(/Une étiquette est un mot/)).toBeInTheDocument();
  });

  it('posts the thread with the cited article and its tags (without duplicates), then forgets the draft', async () => {
    const { onCreated } = renderForm([
      {
        request: { query: CreateThreadDocument, variables: { input: input() } },
        result: { data: { createThread: { __typename: 'ThreadPayload', thread: created } } },
      },
    ]);
    expect(screen.getByText(/Article 3 — Aide à la formation initiale/)).toBeInTheDocument();
    expect(screen.getByText(/Circulaire 15\/2025/)).toBeInTheDocument();
    await fill();
    await userEvent.click(screen.getByRole('button', { name: 'Lancer le fil' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('t-new'));
    expect(readDraft('thread:any:d1:art-3')).toBeNull();
  });

  it('can leave the citation out', async () => {
    const { onCreated } = renderForm([
      {
        request: { query: CreateThreadDocument, variables: { input: input({ citation: null }) } },
        result: { data: { createThread: { __typename: 'ThreadPayload', thread: { ...created, citation: null } } } },
      },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Ne pas citer cet article' }));
    expect(screen.getByText('Ce fil ne citera aucun article.')).toBeInTheDocument();
    await fill();
    await userEvent.click(screen.getByRole('button', { name: 'Lancer le fil' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('t-new'));
  });

  it('keeps everything typed when the API refuses, and brings it back from the draft', async () => {
    const { onCreated, unmount } = renderForm([
      { request: { query: CreateThreadDocument, variables: { input: input() } }, result: apiError('FORBIDDEN') },
    ]);
    await fill();
    await userEvent.click(screen.getByRole('button', { name: 'Lancer le fil' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Vous n’avez pas le droit de faire cela.');
    expect(screen.getByLabelText('Titre')).toHaveValue('Notre lecture');
    expect(onCreated).not.toHaveBeenCalled();
    unmount();
    renderForm();
    expect(screen.getByText(/Brouillon retrouvé/)).toBeInTheDocument();
    expect(screen.getByLabelText('Message (Markdown)')).toHaveValue('Le plafond est trop bas.');
  });

  it('offers "on behalf of" to representatives', async () => {
    session.viewer = viewerFixture();
    renderForm();
    expect(screen.getByLabelText('Publier en tant que')).toBeInTheDocument();
  });
});
