import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { renderWithProviders, viewerFixture } from '../annotations/test-support';
import { CreateSpaceDocument } from '../graphql/generated/graphql';
import { CreateSpacePage, slugFrom } from './CreateSpacePage';

vi.setConfig({ testTimeout: 30_000 });

const session = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock('../app/session', () => ({ useSession: () => session }));

function renderPage(mocks: MockLink.MockedResponse[] = []) {
  return renderWithProviders(
    <MemoryRouter initialEntries={['/spaces/new-space']}>
      <Routes>
        <Route path="/spaces/new-space" element={<CreateSpacePage />} />
        <Route path="/spaces/:slug/members" element={<p>members page</p>} />
      </Routes>
    </MemoryRouter>,
    { mocks },
  );
}

beforeEach(() => window.localStorage.clear());

describe('CreateSpacePage', () => {
  it('proposes a slug from the name', () => {
    expect(slugFrom('Groupe de travail — Fiscalité 2026')).toBe('groupe-de-travail-fiscalite-2026');
  });

  it('says who may open a space to those who represent no organisation', () => {
    session.viewer = viewerFixture({ memberships: [] });
    renderPage();
    expect(screen.getByText(/Seuls les représentants/)).toBeInTheDocument();
  });

  it('checks the name, then opens the space for the represented organisation and goes to its members', async () => {
    session.viewer = viewerFixture();
    renderPage([
      {
        request: {
          query: CreateSpaceDocument,
          variables: {
            input: {
              name: 'Groupe Fiscalité',
              slug: 'groupe-fiscalite',
              description: '',
              ownerOrganizationId: 'o-fmo',
              visibility: 'PRIVATE',
            },
          },
        },
        result: {
          data: {
            createSpace: {
              __typename: 'SpacePayload',
              space: {
                __typename: 'Space',
                id: 's-new',
                slug: 'groupe-fiscalite',
                name: 'Groupe Fiscalité',
                description: '',
                visibility: 'PRIVATE',
                viewerRole: 'OWNER',
                viewerCanPost: true,
                viewerCanModerate: true,
                viewerCanManageMembers: true,
                unreadCount: 0,
                owner: { __typename: 'Organization', id: 'o-fmo', name: 'FMO', acronym: 'FMO' },
              },
            },
          },
        },
      },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Ouvrir l’espace' }));
    expect(screen.getByLabelText('Nom de l’espace')).toHaveAccessibleDescription('Donnez un nom à l’espace.');
    expect(screen.getByLabelText('Nom de l’espace')).toHaveFocus();
    await userEvent.type(screen.getByLabelText('Nom de l’espace'), 'Groupe Fiscalité');
    expect(screen.getByLabelText('Adresse courte')).toHaveValue('groupe-fiscalite');
    expect(screen.getByRole('radio', { name: /Privé/ })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Ouvrir l’espace' }));
    await waitFor(() => expect(screen.getByText('members page')).toBeInTheDocument());
  });
});
