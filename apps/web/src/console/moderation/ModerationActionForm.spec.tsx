import type { MockLink } from '@apollo/client/testing';
import { configure, screen, waitFor } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { useState } from 'react';
import { readDraft } from '../../annotations/drafts';
import { apiError, renderWithProviders } from '../../annotations/test-support';
import {
  ModerateContentDocument,
  ModerateUserDocument,
  type QueueItemFieldsFragment,
} from '../../graphql/generated/graphql';
import { actionsFor, ModerationActionForm, type ModerationActionKind } from './ModerationActionForm';

const userEvent = userEventLib.setup({ delay: null });
vi.setConfig({ testTimeout: 60_000 });
// The machine running the suite may be loaded: wait for the DOM longer than the default second.
configure({ asyncUtilTimeout: 10_000 });

function item(overrides: Partial<QueueItemFieldsFragment> = {}): QueueItemFieldsFragment {
  return {
    __typename: 'ModerationQueueItem',
    contentType: 'COMMENT',
    contentId: 'c1',
    hidden: true,
    version: 3,
    openReports: 3,
    excerpt: 'Réponse litigieuse',
    explanations: [],
    oldestReportAt: '2026-11-30T10:00:00.000Z',
    reasons: [{ __typename: 'ReasonCount', reason: 'ABUSIVE', count: 3 }],
    locator: {
      __typename: 'ContentLocator',
      documentId: 'd1',
      versionNumber: 2,
      sectionKey: 'art-3',
      annotationId: 'a1',
      spaceId: null,
      threadId: null,
      consultationId: null,
      contributionId: null,
    },
    author: { __typename: 'User', id: 'u-author', displayName: 'Salma', status: 'ACTIVE', version: 5 },
    ...overrides,
  } as QueueItemFieldsFragment;
}

const moderated = (version: number, input: Record<string, unknown>, result: object) => ({
  request: { query: ModerateContentDocument, variables: { input: { ...input, version } } },
  result,
});
const ok = (hidden: boolean) => ({
  data: {
    moderateContent: {
      __typename: 'ModerateContentPayload',
      version: 4,
      state: { __typename: 'ModerationState', hidden, reason: null },
    },
  },
});

function renderForm(action: ModerationActionKind, mocks: MockLink.MockedResponse[] = [], queueItem = item()) {
  const onDone = vi.fn();
  const onConflict = vi.fn(async () => undefined);
  const onCancel = vi.fn();
  const view = renderWithProviders(
    <ModerationActionForm
      item={queueItem}
      action={action}
      onDone={onDone}
      onConflict={onConflict}
      onCancel={onCancel}
    />,
    { mocks },
  );
  return { ...view, onDone, onConflict, onCancel };
}

const reason = () => screen.getByLabelText('Motif');
const note = () => screen.getByLabelText(/Note interne/);

beforeEach(() => window.localStorage.clear());

describe('actionsFor', () => {
  it('offers what fits: restore hidden content, hide visible, lock threads, suspend or reinstate the author', () => {
    expect(actionsFor(item())).toEqual(['RESTORE', 'KEEP', 'SUSPEND']);
    expect(actionsFor(item({ hidden: false, contentType: 'THREAD' }))).toEqual([
      'HIDE',
      'KEEP',
      'LOCK',
      'UNLOCK',
      'SUSPEND',
    ]);
    expect(
      actionsFor(
        item({ author: { __typename: 'User', id: 'u', displayName: 'S', status: 'SUSPENDED', version: 1 } } as never),
      ),
    ).toContain('REINSTATE');
    expect(actionsFor(item({ author: null }))).toEqual(['RESTORE', 'KEEP']);
  });
});

describe('ModerationActionForm', () => {
  it.each<ModerationActionKind>(['HIDE', 'RESTORE', 'KEEP', 'LOCK', 'UNLOCK', 'SUSPEND', 'REINSTATE'])(
    '%s refuses to go on without a reason, and says so at the field',
    async (action) => {
      const { onDone } = renderForm(action);
      await userEvent.click(screen.getByRole('button', { name: new RegExp(`^${label[action]}`) }));
      expect(reason()).toHaveAttribute('aria-invalid', 'true');
      expect(reason()).toHaveAccessibleDescription('Indiquez le motif : il est conservé au journal.');
      expect(reason()).toHaveFocus();
      expect(onDone).not.toHaveBeenCalled();
    },
  );

  it('sends the action with its reason, its note and the version seen in the queue', async () => {
    const input = {
      contentType: 'COMMENT',
      contentId: 'c1',
      action: 'RESTORE',
      reason: 'Critique légitime',
      internalNote: 'Vu avec la direction',
    };
    const { onDone } = renderForm('RESTORE', [moderated(3, input, ok(false))]);
    await userEvent.type(reason(), 'Critique légitime');
    await userEvent.type(note(), 'Vu avec la direction');
    await userEvent.click(screen.getByRole('button', { name: 'Rétablir' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(readDraft('console:moderation:c1:RESTORE')).toBeNull();
  });

  it('on CONFLICT says another moderator acted, keeps the reason, reloads on request, and acts again', async () => {
    const input = { contentType: 'COMMENT', contentId: 'c1', action: 'HIDE', reason: 'Injurieux', internalNote: null };
    const onDone = vi.fn();
    const reloaded = vi.fn();
    // The queue as the page holds it: reloading brings the item's new version.
    function Queue() {
      const [version, setVersion] = useState(3);
      return (
        <ModerationActionForm
          item={item({ hidden: false, version })}
          action="HIDE"
          onDone={onDone}
          onCancel={() => undefined}
          onConflict={async () => {
            reloaded();
            setVersion(4);
          }}
        />
      );
    }
    renderWithProviders(<Queue />, {
      mocks: [moderated(3, input, apiError('CONFLICT', 'stale version')), moderated(4, input, ok(true))],
    });
    await userEvent.type(reason(), 'Injurieux');
    await userEvent.click(screen.getByRole('button', { name: 'Masquer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Un autre modérateur a agi entre-temps.');
    // Stale: the button does nothing (aria-disabled keeps it focusable), until the queue is reloaded.
    expect(screen.getByRole('button', { name: 'Masquer' })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Masquer' }));
    await new Promise((resolve) => setTimeout(resolve, 200)); // time for a request, had one been sent
    expect(screen.getByRole('alert')).toHaveTextContent('Un autre modérateur a agi entre-temps.');
    expect(reason()).toHaveValue('Injurieux');
    await userEvent.click(screen.getByRole('button', { name: 'Recharger' }));
    await waitFor(() => expect(reloaded).toHaveBeenCalled());
    // The alert goes once the reload has settled, not at the click.
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(reason()).toHaveValue('Injurieux');
    expect(onDone).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Masquer' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('SUSPEND acts on the author, with their version and an optional end date', async () => {
    const until = new Date('2026-12-31T23:59:59').toISOString();
    const mocks = [
      {
        request: {
          query: ModerateUserDocument,
          variables: {
            input: {
              userId: 'u-author',
              action: 'SUSPEND',
              reason: 'Insultes répétées',
              internalNote: null,
              version: 5,
              until,
            },
          },
        },
        result: {
          data: {
            moderateUser: {
              __typename: 'UserPayload',
              user: { __typename: 'User', id: 'u-author', status: 'SUSPENDED', version: 6 },
            },
          },
        },
      },
    ];
    const { onDone } = renderForm('SUSPEND', mocks);
    await userEvent.type(screen.getByLabelText('Suspendu jusqu’au (facultatif)'), '2026-12-31');
    await userEvent.type(reason(), 'Insultes répétées');
    await userEvent.click(screen.getByRole('button', { name: 'Suspendre l’auteur' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('shows any other API error in the person’s language and keeps the text', async () => {
    const input = {
      contentType: 'COMMENT',
      contentId: 'c1',
      action: 'KEEP',
      reason: 'Rien à redire',
      internalNote: null,
    };
    const { onDone } = renderForm('KEEP', [moderated(3, input, apiError('FORBIDDEN', 'not yours'))]);
    await userEvent.type(reason(), 'Rien à redire');
    await userEvent.click(screen.getByRole('button', { name: 'Conserver' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('not yours');
    expect(reason()).toHaveValue('Rien à redire');
    expect(readDraft<{ reason: string }>('console:moderation:c1:KEEP')?.reason).toBe('Rien à redire');
    expect(onDone).not.toHaveBeenCalled();
  });
});

const label: Record<ModerationActionKind, string> = {
  HIDE: 'Masquer',
  RESTORE: 'Rétablir',
  KEEP: 'Conserver',
  LOCK: 'Verrouiller',
  UNLOCK: 'Déverrouiller',
  SUSPEND: 'Suspendre l’auteur',
  REINSTATE: 'Réintégrer l’auteur',
};
