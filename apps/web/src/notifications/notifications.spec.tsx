import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { apiError, renderWithProviders, viewerFixture } from '../annotations/test-support';
import {
  InboxDocument,
  LiveEventsDocument,
  MarkNotificationsReadDocument,
  ResetPasswordDocument,
  UnreadNotificationCountDocument,
} from '../graphql/generated/graphql';
import { InboxPage } from './InboxPage';
import { NotificationBell } from './NotificationBell';
import { ResetPasswordPage } from './ResetPasswordPage';

vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock('../app/session', () => ({ useSession: () => session }));

const target = (fields: Partial<Record<string, string | number>>) => ({
  __typename: 'SearchTargetModel' as const,
  documentId: null,
  versionNumber: null,
  articleKey: null,
  annotationId: null,
  commentId: null,
  threadId: null,
  spaceSlug: null,
  consultationId: null,
  questionId: null,
  organizationId: null,
  ...fields,
});

const item = (id: string, readAt: string | null, to: ReturnType<typeof target> | null = null) => ({
  __typename: 'Notification' as const,
  id,
  kind: 'REPLY' as const,
  subjectType: 'COMMENT',
  subjectId: `c-${id}`,
  actorName: 'Khadija Amrani',
  documentId: 'd-1',
  spaceId: null,
  consultationId: null,
  title: 'Circulaire 15/2025',
  excerpt: 'D’accord avec vous.',
  createdAt: '2026-12-01T10:00:00.000Z',
  readAt,
  target: to,
});

const inbox = (unread: number, items: ReturnType<typeof item>[]) => ({
  request: { query: InboxDocument, variables: { first: 20, unreadOnly: false } },
  result: {
    data: {
      unreadNotificationCount: unread,
      notifications: {
        __typename: 'NotificationConnection' as const,
        totalCount: items.length,
        edges: items.map((node) => ({ __typename: 'NotificationEdge' as const, cursor: node.id, node })),
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
      },
    },
  },
});

beforeEach(() => {
  session.viewer = viewerFixture();
});

describe('NotificationBell', () => {
  it('names the unread count for screen readers and shows it', async () => {
    renderWithProviders(
      <MemoryRouter>
        <NotificationBell />
      </MemoryRouter>,
      {
        mocks: [
          { request: { query: UnreadNotificationCountDocument }, result: { data: { unreadNotificationCount: 3 } } },
        ],
      },
    );
    expect(await screen.findByRole('link', { name: 'Notifications, 3 non lues' })).toHaveAttribute(
      'href',
      '/notifications',
    );
  });

  it('reads its count again when the inbox changes live, and announces new notifications politely', async () => {
    const count = (unreadNotificationCount: number) => ({
      request: { query: UnreadNotificationCountDocument },
      result: { data: { unreadNotificationCount } },
    });
    renderWithProviders(
      <MemoryRouter>
        <NotificationBell />
      </MemoryRouter>,
      {
        mocks: [
          count(1),
          {
            request: { query: LiveEventsDocument, variables: { inbox: true, after: null } },
            delay: 50,
            result: {
              data: {
                liveEvents: {
                  __typename: 'LiveEvent' as const,
                  seq: '42',
                  type: 'INBOX_CHANGED' as const,
                  subjectType: 'USER' as const,
                  subjectId: 'u-1',
                  actorId: null,
                },
              },
            },
          },
          count(3),
        ],
      },
    );
    expect(await screen.findByRole('link', { name: 'Notifications, 1 non lue' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Notifications, 3 non lues' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Nouvelles notifications : 3 non lues'));
  });

  it('is absent when signed out', () => {
    session.viewer = null;
    const { container } = renderWithProviders(
      <MemoryRouter>
        <NotificationBell />
      </MemoryRouter>,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

describe('InboxPage', () => {
  it('says which are unread in words, and marks one read', async () => {
    renderWithProviders(
      <MemoryRouter>
        <InboxPage />
      </MemoryRouter>,
      {
        mocks: [
          inbox(1, [item('n-1', null), item('n-2', '2026-12-01T11:00:00.000Z')]),
          {
            request: { query: MarkNotificationsReadDocument, variables: { input: { ids: ['n-1'] } } },
            result: {
              data: {
                markNotificationsRead: {
                  unreadCount: 0,
                  notifications: [{ __typename: 'Notification', id: 'n-1', readAt: '2026-12-01T12:00:00.000Z' }],
                },
              },
            },
          },
        ],
      },
    );
    expect(await screen.findByText('1 notification non lue.')).toBeInTheDocument();
    expect(screen.getAllByText('Non lu')).toHaveLength(1);
    expect(screen.getAllByText('Khadija Amrani vous a répondu')).toHaveLength(2);
    await userEvent.click(
      screen.getByRole('button', { name: 'Marquer comme lu — Khadija Amrani vous a répondu Circulaire 15/2025' }),
    );
    await waitFor(() => expect(screen.queryByText('Non lu')).not.toBeInTheDocument());
  });

  it('links each notification to what it is about, as search hits do, and to the inbox when it has no target', async () => {
    renderWithProviders(
      <MemoryRouter>
        <InboxPage />
      </MemoryRouter>,
      {
        mocks: [
          inbox(1, [
            item(
              'n-1',
              null,
              target({
                documentId: 'd-1',
                versionNumber: 2,
                articleKey: 'art-3',
                annotationId: 'a-1',
                commentId: 'c-1',
              }),
            ),
            item('n-2', null, target({ threadId: 't-1', commentId: 'c-2', spaceSlug: 'agora' })),
            item('n-3', '2026-12-01T11:00:00.000Z'),
          ]),
        ],
      },
    );
    const links = await screen.findAllByRole('link', { name: 'Khadija Amrani vous a répondu — Circulaire 15/2025' });
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/read/d-1/2?annotation=a-1&comment=c-1#art-3',
      '/threads/t-1#reply-c-2',
      '/notifications',
    ]);
    // Reached by the keyboard, in reading order, before the item's own "mark read" button.
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    expect(links[0]).toHaveFocus();
    await userEvent.tab();
    expect(screen.getAllByRole('button', { name: /^Marquer comme lu —/ })[0]).toHaveFocus();
  });
});

describe('ResetPasswordPage', () => {
  it('checks the confirmation, and turns a used link into a way to ask for a new one', async () => {
    renderWithProviders(
      <MemoryRouter initialEntries={['/reset-password?token=abc']}>
        <ResetPasswordPage />
      </MemoryRouter>,
      {
        mocks: [
          {
            request: {
              query: ResetPasswordDocument,
              variables: { input: { token: 'abc', newPassword: 'une phrase assez longue' } },
            },
            result: apiError('CONFLICT', 'This password reset link has already been used.'),
          },
        ],
      },
    );
    await userEvent.type(screen.getByLabelText('Nouveau mot de passe'), 'une phrase assez longue');
    await userEvent.type(screen.getByLabelText('Confirmer le nouveau mot de passe'), 'autre chose encore');
    await userEvent.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    expect(screen.getByLabelText('Confirmer le nouveau mot de passe')).toHaveFocus();
    await userEvent.clear(screen.getByLabelText('Confirmer le nouveau mot de passe'));
    await userEvent.type(screen.getByLabelText('Confirmer le nouveau mot de passe'), 'une phrase assez longue');
    await userEvent.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    expect(await screen.findByText('Ce lien a déjà servi.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Demander un nouveau lien' })).toHaveAttribute('href', '/forgot-password');
  });

  it('says the API’s refusal of the new password on its field, in the person’s language', async () => {
    renderWithProviders(
      <MemoryRouter initialEntries={['/reset-password?token=abc']}>
        <ResetPasswordPage />
      </MemoryRouter>,
      {
        mocks: [
          {
            request: { query: ResetPasswordDocument, variables: () => true },
            result: apiError('BAD_USER_INPUT', 'Invalid input', {
              fields: { newPassword: 'is a common or breached password' },
            }),
          },
        ],
      },
    );
    const field = screen.getByLabelText('Nouveau mot de passe');
    await userEvent.type(field, 'motdepasse123');
    await userEvent.type(screen.getByLabelText('Confirmer le nouveau mot de passe'), 'motdepasse123');
    await userEvent.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/mots de passe courants ou divulgués/);
    expect(field).toHaveFocus();
    expect(field).toHaveValue('motdepasse123');
  });
});
