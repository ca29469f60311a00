import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { apiError, renderWithProviders } from '../annotations/test-support';
import {
  AddSpaceMemberDocument,
  ChangeSpaceMemberRoleDocument,
  OrganizationPeopleDocument,
  OrganizationSearchDocument,
  SpaceMembersDocument,
} from '../graphql/generated/graphql';
import { MembersPage } from './MembersPage';

// Typing with user-event takes a while on a loaded 2-core machine: room, not a timing goal.
vi.setConfig({ testTimeout: 60_000 });

const session = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock('../app/session', () => ({ useSession: () => session }));

const organization = (id: string, name: string, acronym: string, kind: string) => ({
  __typename: 'Organization',
  id,
  name,
  acronym,
  kind,
});
const owner = {
  __typename: 'SpaceMember',
  id: 'm-owner',
  role: 'OWNER',
  user: { __typename: 'User', id: 'u-rep', displayName: 'Youssef El Idrissi' },
  organization: null,
};
const federation = {
  __typename: 'SpaceMember',
  id: 'm-fmo',
  role: 'PARTICIPANT',
  user: null,
  organization: organization('o-fmo', 'Fédération Marocaine de l’Offshoring', 'FMO', 'FEDERATION'),
};
const spaceMembers = (manage: boolean) => ({
  request: { query: SpaceMembersDocument, variables: { id: 'federation-fmo' } },
  result: {
    data: {
      space: {
        __typename: 'Space',
        id: 's1',
        slug: 'federation-fmo',
        name: 'FMO — espace privé',
        visibility: 'PRIVATE',
        viewerCanManageMembers: manage,
        members: [owner, federation],
      },
    },
  },
});
const adi = organization('o-adi', 'Agence de Développement des Investissements', 'ADI', 'INSTITUTION');

function renderPage(mocks: MockLink.MockedResponse[]) {
  return renderWithProviders(
    <MemoryRouter initialEntries={['/spaces/federation-fmo/members']}>
      <Routes>
        <Route path="/spaces/:spaceId/members" element={<MembersPage />} />
      </Routes>
    </MemoryRouter>,
    { mocks },
  );
}

describe('MembersPage', () => {
  it('lists people and whole organisations with their roles, read-only for those who do not manage', async () => {
    renderPage([spaceMembers(false)]);
    const table = await screen.findByRole('table', { name: 'Membres de l’espace et leurs rôles' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Youssef El Idrissi (personne)propriétaire',
      'Fédération Marocaine de l’Offshoring (fédération, tous ses membres)participant',
    ]);
    expect(screen.queryByRole('button', { name: /Retirer/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Ajouter un membre' })).not.toBeInTheDocument();
  });

  it('adds a whole organisation found by name, with a role', async () => {
    const added = {
      __typename: 'SpaceMember',
      id: 'm-adi',
      role: 'OBSERVER',
      user: null,
      organization: adi,
    };
    renderPage([
      spaceMembers(true),
      {
        request: { query: OrganizationSearchDocument, variables: { search: 'ADI' } },
        result: {
          data: {
            organizations: {
              __typename: 'OrganizationConnection',
              edges: [{ __typename: 'OrganizationEdge', node: adi }],
            },
          },
        },
      },
      {
        request: { query: OrganizationPeopleDocument, variables: { id: 'o-adi' } },
        result: {
          data: {
            organization: {
              __typename: 'Organization',
              id: 'o-adi',
              name: adi.name,
              members: {
                __typename: 'MembershipConnection',
                edges: [
                  {
                    __typename: 'MembershipEdge',
                    node: {
                      __typename: 'Membership',
                      id: 'ms1',
                      role: 'REPRESENTATIVE',
                      user: { __typename: 'User', id: 'u-hb', displayName: 'Hicham Berrada' },
                    },
                  },
                ],
              },
            },
          },
        },
      },
      {
        request: {
          query: AddSpaceMemberDocument,
          variables: { input: { spaceId: 's1', role: 'OBSERVER', organizationId: 'o-adi' } },
        },
        result: { data: { addSpaceMember: { __typename: 'SpaceMemberPayload', member: added } } },
      },
    ]);
    await screen.findByRole('heading', { name: 'Ajouter un membre' });
    await userEvent.type(screen.getByLabelText('Organisation (nom ou sigle)'), 'ADI');
    await userEvent.click(screen.getByRole('button', { name: 'Chercher' }));
    await userEvent.click(await screen.findByRole('radio', { name: /Agence de Développement/ }));
    const who = await screen.findByLabelText('Qui ajouter');
    await waitFor(() => expect(within(who).getAllByRole('option')).toHaveLength(2));
    expect(within(who).getByRole('option', { name: 'Hicham Berrada' })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Rôle'), 'OBSERVER');
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
    const table = screen.getByRole('table');
    await within(table).findByText('Agence de Développement des Investissements');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
  });

  it('asks for an organisation before adding', async () => {
    renderPage([
      spaceMembers(true),
      {
        request: { query: OrganizationSearchDocument, variables: { search: 'zzz' } },
        result: { data: { organizations: { __typename: 'OrganizationConnection', edges: [] } } },
      },
    ]);
    await userEvent.type(await screen.findByLabelText('Organisation (nom ou sigle)'), 'zzz');
    await userEvent.click(screen.getByRole('button', { name: 'Chercher' }));
    expect(await screen.findByText('Aucune organisation ne correspond à « zzz ».')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(screen.getByText('Choisissez une organisation.')).toBeInTheDocument();
  });

  it('changes a role with an explicit save, and shows the API’s refusal (the last owner) beside it', async () => {
    renderPage([
      spaceMembers(true),
      {
        request: {
          query: ChangeSpaceMemberRoleDocument,
          variables: { input: { memberId: 'm-owner', role: 'PARTICIPANT' } },
        },
        result: apiError('CONFLICT', 'A space keeps at least one owner'),
      },
      {
        request: {
          query: ChangeSpaceMemberRoleDocument,
          variables: { input: { memberId: 'm-fmo', role: 'MODERATOR' } },
        },
        result: {
          data: {
            changeSpaceMemberRole: {
              __typename: 'SpaceMemberPayload',
              member: { __typename: 'SpaceMember', id: 'm-fmo', role: 'MODERATOR' },
            },
          },
        },
      },
    ]);
    const ownerRole = await screen.findByLabelText('Rôle de Youssef El Idrissi');
    const save = screen.getByRole('button', { name: /Enregistrer le rôle.*Youssef El Idrissi/ });
    expect(save).toHaveAttribute('aria-disabled', 'true');
    await userEvent.selectOptions(ownerRole, 'PARTICIPANT');
    await userEvent.click(save);
    expect(await screen.findByRole('alert')).toHaveTextContent('Quelqu’un a modifié cet élément');
    expect(ownerRole).toHaveValue('PARTICIPANT');

    const federationRole = screen.getByLabelText('Rôle de Fédération Marocaine de l’Offshoring');
    await userEvent.selectOptions(federationRole, 'MODERATOR');
    const saveFederation = screen.getByRole('button', { name: /Enregistrer le rôle.*Fédération Marocaine/ });
    await userEvent.click(saveFederation);
    // Saved: announced, nothing left to save, and the keyboard's focus still on the button.
    await waitFor(() => expect(screen.getByTestId('announcer')).toHaveTextContent(/Fédération Marocaine/));
    expect(saveFederation).toHaveAttribute('aria-disabled', 'true');
    expect(saveFederation).toHaveFocus();
  });
});
