import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { renderWithProviders } from '../../annotations/test-support';
import { PlatformUserSearchDocument, SetPlatformRoleDocument } from '../../graphql/generated/graphql';
import { PlatformRoles } from './PlatformRoles';

vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({ viewer: { id: 'u-admin' } }));
vi.mock('../../app/session', () => ({ useSession: () => session }));

const person = (id: string, displayName: string, platformRole = 'MEMBER') => ({
  __typename: 'User' as const,
  id,
  displayName,
  email: `${id}@example.ma`,
  platformRole,
  status: 'ACTIVE',
  version: 1,
});
const page = (people: ReturnType<typeof person>[]) => ({
  data: {
    users: {
      __typename: 'UserConnection',
      totalCount: people.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges: people.map((node) => ({ __typename: 'UserEdge', node })),
    },
  },
});

let location = '';
function Where() {
  const current = useLocation();
  location = current.search;
  return null;
}

describe('PlatformRoles', () => {
  it('searches people by name on Enter, keeps the search in the URL, and sets a role', async () => {
    const saved = vi.fn();
    renderWithProviders(
      <MemoryRouter initialEntries={['/console/roles']}>
        <PlatformRoles />
        <Where />
      </MemoryRouter>,
      {
        mocks: [
          { request: { query: PlatformUserSearchDocument, variables: { filter: {} } }, result: page([]) },
          {
            request: { query: PlatformUserSearchDocument, variables: { filter: { text: 'أحمد' } } },
            result: page([person('u-ahmed', 'أحمد الإدريسي')]),
          },
          {
            request: {
              query: SetPlatformRoleDocument,
              variables: { input: { userId: 'u-ahmed', platformRole: 'MODERATOR' } },
            },
            result: () => (
              saved(),
              {
                data: {
                  setPlatformRole: {
                    __typename: 'UserPayload',
                    user: { __typename: 'User', id: 'u-ahmed', platformRole: 'MODERATOR' },
                  },
                },
              }
            ),
          },
        ],
      },
    );
    expect(await screen.findByText('Personne ne correspond à cette recherche.')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Nom ou adresse e-mail' }), ' أحمد {Enter}');
    expect(await screen.findByText('أحمد الإدريسي')).toBeInTheDocument();
    expect(decodeURIComponent(location)).toBe('?q=أحمد');
    await userEvent.selectOptions(screen.getByLabelText('Rôle de أحمد الإدريسي'), 'MODERATOR');
    const save = screen.getByRole('button', { name: 'Enregistrer le rôle de أحمد الإدريسي' });
    await userEvent.click(save);
    await waitFor(() => expect(saved).toHaveBeenCalled());
    // Saved: nothing left to save, and the keyboard's focus is still on the button (not dropped to the page).
    await waitFor(() => expect(save).toHaveAttribute('aria-disabled', 'true'));
    expect(save).toHaveFocus();
  });

  it('saves one row at a time without blocking the others, and shows a refusal in its own row', async () => {
    renderWithProviders(
      <MemoryRouter initialEntries={['/console/roles']}>
        <PlatformRoles />
      </MemoryRouter>,
      {
        mocks: [
          {
            request: { query: PlatformUserSearchDocument, variables: { filter: {} } },
            result: page([person('u-amina', 'Amina Tazi'), person('u-karim', 'Karim Alaoui')]),
          },
          {
            request: {
              query: SetPlatformRoleDocument,
              variables: { input: { userId: 'u-amina', platformRole: 'ADMIN' } },
            },
            delay: 200,
            result: { errors: [{ message: 'Refused', extensions: { code: 'FORBIDDEN' } } as never] },
          },
        ],
      },
    );
    await userEvent.selectOptions(await screen.findByLabelText('Rôle de Amina Tazi'), 'ADMIN');
    await userEvent.selectOptions(screen.getByLabelText('Rôle de Karim Alaoui'), 'MODERATOR');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer le rôle de Amina Tazi' }));
    expect(screen.getByRole('button', { name: 'Enregistrer le rôle de Amina Tazi' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(screen.getByRole('button', { name: 'Enregistrer le rôle de Karim Alaoui' })).toHaveAttribute(
      'aria-disabled',
      'false',
    );
    const refusal = await screen.findByRole('alert');
    const aminaRow = screen.getByRole('row', { name: /Amina Tazi/ });
    expect(aminaRow).toContainElement(refusal);
    // What was chosen stays chosen, for another try.
    expect(screen.getByLabelText('Rôle de Amina Tazi')).toHaveValue('ADMIN');
    expect(screen.getByLabelText('Rôle de Amina Tazi')).toHaveAccessibleDescription(/./);
  });

  it('says the API’s refusal of a search (too long) instead of failing silently', async () => {
    renderWithProviders(
      <MemoryRouter initialEntries={[`/console/roles?q=${'x'.repeat(20)}&role=BOGUS`]}>
        <PlatformRoles />
      </MemoryRouter>,
      {
        mocks: [
          {
            request: { query: PlatformUserSearchDocument, variables: { filter: { text: 'x'.repeat(20) } } },
            result: {
              errors: [
                {
                  message: 'Invalid input',
                  extensions: { code: 'BAD_USER_INPUT', fields: { text: 'must be at most 100 characters' } },
                } as never,
              ],
            },
          },
        ],
      },
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('must be at most 100 characters');
    expect(screen.getByLabelText('Rôle sur la plateforme')).toHaveValue('');
  });
});
