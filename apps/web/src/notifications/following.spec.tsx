import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, renderWithProviders, viewerFixture } from '../annotations/test-support';
import {
  FollowDocument,
  FollowingDocument,
  SetSpaceNotificationLevelDocument,
  SpaceNotificationLevelDocument,
} from '../graphql/generated/graphql';
import { FollowButton } from './FollowButton';
import { SpaceNotificationLevel } from './SpaceNotificationLevel';

vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock('../app/session', () => ({ useSession: () => session }));

const announced = () => document.querySelector('[data-testid="announcer"]')?.textContent ?? '';

beforeEach(() => {
  session.viewer = viewerFixture();
});

const level = (value: 'WATCHING' | 'NORMAL' | 'MUTED') => ({
  request: { query: SpaceNotificationLevelDocument, variables: { spaceId: 's-1' } },
  result: { data: { spaceNotificationLevel: value } },
});
const setLevel = (value: 'WATCHING' | 'NORMAL' | 'MUTED', result: object) => ({
  request: { query: SetSpaceNotificationLevelDocument, variables: { input: { spaceId: 's-1', level: value } } },
  result,
});
const saved = (value: string) => ({
  data: {
    setSpaceNotificationLevel: { __typename: 'SpaceNotificationLevelPayload', spaceId: 's-1', level: value },
  },
});

describe('SpaceNotificationLevel', () => {
  it('says the current level on its summary, and saves a choice made with the keyboard at once', async () => {
    renderWithProviders(<SpaceNotificationLevel spaceId="s-1" />, {
      mocks: [level('NORMAL'), setLevel('MUTED', saved('MUTED'))],
    });
    const summary = await screen.findByText('Notifications de cet espace : Normal');
    await userEvent.click(summary);
    expect(screen.getByRole('group', { name: 'Ce que cet espace vous notifie' })).toBeVisible();
    const normal = screen.getByRole('radio', { name: 'Normal' });
    expect(normal).toBeChecked();
    expect(normal).toHaveAccessibleDescription(
      'Les discussions que vous suivez, et ce qui vous concerne (choix par défaut).',
    );
    normal.focus();
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Sourdine' })).toBeChecked());
    expect(screen.getByText('Notifications de cet espace : Sourdine')).toBeInTheDocument();
    await waitFor(() => expect(announced()).toBe('Notifications de cet espace : Sourdine.'));
  });

  it('says a refusal in place and goes back to the level the server holds', async () => {
    renderWithProviders(<SpaceNotificationLevel spaceId="s-1" />, {
      mocks: [level('NORMAL'), setLevel('WATCHING', apiError('NOT_FOUND', 'Space not found'))],
    });
    await userEvent.click(await screen.findByText('Notifications de cet espace : Normal'));
    await userEvent.click(screen.getByRole('radio', { name: 'Tout' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Normal' })).toBeChecked());
    expect(screen.getByRole('radio', { name: 'Tout' })).not.toBeChecked();
  });

  it('is in Arabic for an Arabic reader', async () => {
    renderWithProviders(<SpaceNotificationLevel spaceId="s-1" />, { mocks: [level('WATCHING')], locale: 'ar' });
    expect(await screen.findByText('إشعارات هذا الفضاء: كل شيء')).toBeInTheDocument();
  });

  it('is absent when signed out, and asks nothing of the API', async () => {
    session.viewer = null;
    const { container } = renderWithProviders(<SpaceNotificationLevel spaceId="s-1" />, { mocks: [] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container).toBeEmptyDOMElement();
  });
});

describe('FollowButton', () => {
  const following = {
    request: { query: FollowingDocument, variables: { subjectType: 'THREAD', subjectId: 't-1' } },
    result: { data: { following: false } },
  };
  const follow = (result: object) => ({
    request: { query: FollowDocument, variables: { input: { subjectType: 'THREAD', subjectId: 't-1' } } },
    result,
  });

  it('follows a thread: pressed, and announced', async () => {
    renderWithProviders(<FollowButton subjectType="THREAD" subjectId="t-1" />, {
      mocks: [
        following,
        follow({
          data: { follow: { __typename: 'FollowPayload', subjectType: 'THREAD', subjectId: 't-1', following: true } },
        }),
      ],
    });
    const button = await screen.findByRole('button', { name: 'Suivre' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'true'));
    await waitFor(() => expect(announced()).toBe('Vous suivez maintenant ce contenu.'));
  });

  it('says a refusal beside the button and stays unpressed', async () => {
    renderWithProviders(<FollowButton subjectType="THREAD" subjectId="t-1" />, {
      mocks: [following, follow(apiError('NOT_FOUND', 'Thread not found'))],
    });
    const button = await screen.findByRole('button', { name: 'Suivre' });
    await userEvent.click(button);
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(button).toHaveAttribute('aria-pressed', 'false');
  });
});
