import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readDraft } from '../annotations/drafts';
import { apiError, renderWithProviders } from '../annotations/test-support';
import { ChangeMembershipRoleDocument, UpdateOrganizationDocument } from '../graphql/generated/graphql';
import { MemberRoleForm } from './MemberRoleForm';
import { OrganizationForm } from './OrganizationForm';

vi.setConfig({ testTimeout: 20_000 });

const organization = {
  __typename: 'Organization' as const,
  id: 'org-1',
  name: 'Atlas Offshoring',
  acronym: 'ATL',
  description: null,
  version: 3,
};
const draftKey = 'account.organization.org-1';
const nameField = () => screen.getByLabelText('Nom');
const save = () => userEvent.click(screen.getByRole('button', { name: 'Enregistrer l’organisation' }));

beforeEach(() => window.localStorage.clear());

describe('OrganizationForm', () => {
  it('refuses an empty name on its field and sends nothing', async () => {
    const sent = vi.fn();
    renderWithProviders(<OrganizationForm organization={organization} onConflict={vi.fn()} />, {
      mocks: [
        {
          request: { query: UpdateOrganizationDocument, variables: () => true },
          result: () => (sent(), apiError('X')),
        },
      ],
    });
    await userEvent.clear(nameField());
    await save();
    expect(nameField()).toHaveAttribute('aria-invalid', 'true');
    expect(nameField()).toHaveAccessibleDescription('Indiquez le nom de l’organisation.');
    expect(nameField()).toHaveFocus();
    expect(sent).not.toHaveBeenCalled();
  });

  it('saves with the version read, clears a removed acronym, then forgets the draft', async () => {
    const onSaved = vi.fn();
    renderWithProviders(<OrganizationForm organization={organization} onConflict={vi.fn()} onSaved={onSaved} />, {
      mocks: [
        {
          request: {
            query: UpdateOrganizationDocument,
            variables: {
              input: { id: 'org-1', version: 3, name: 'Atlas Offshoring SA', acronym: '', description: 'Centres' },
            },
          },
          result: {
            data: {
              updateOrganization: {
                __typename: 'OrganizationPayload',
                organization: { ...organization, name: 'Atlas Offshoring SA', acronym: null, version: 4 },
              },
            },
          },
        },
      ],
    });
    await userEvent.type(nameField(), ' SA');
    await userEvent.clear(screen.getByLabelText('Sigle (facultatif)'));
    await userEvent.type(screen.getByLabelText('Description (facultative)'), 'Centres');
    expect(readDraft(draftKey)).toMatchObject({ name: 'Atlas Offshoring SA' });
    await save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(readDraft(draftKey)).toBeNull();
  });

  it('on CONFLICT asks for the latest version and keeps what was typed', async () => {
    const onConflict = vi.fn();
    renderWithProviders(<OrganizationForm organization={organization} onConflict={onConflict} />, {
      mocks: [{ request: { query: UpdateOrganizationDocument, variables: () => true }, result: apiError('CONFLICT') }],
    });
    await userEvent.type(nameField(), ' Group');
    await save();
    await waitFor(() => expect(onConflict).toHaveBeenCalled());
    expect(readDraft(draftKey)).toMatchObject({ name: 'Atlas Offshoring Group' });
    expect(nameField()).toHaveValue('Atlas Offshoring Group');
  });

  it('says a refused name on its field, keeping the draft', async () => {
    renderWithProviders(<OrganizationForm organization={organization} onConflict={vi.fn()} />, {
      mocks: [
        {
          request: { query: UpdateOrganizationDocument, variables: () => true },
          result: apiError('BAD_USER_INPUT', 'Invalid input', { fields: { name: 'is already taken' } }),
        },
      ],
    });
    await userEvent.type(nameField(), ' bis');
    await save();
    await waitFor(() => expect(nameField()).toHaveAccessibleDescription('is already taken'));
    expect(readDraft(draftKey)).toMatchObject({ name: 'Atlas Offshoring bis' });
  });
});

describe('MemberRoleForm', () => {
  it('changes a role only when asked, and announces it', async () => {
    const onChanged = vi.fn();
    renderWithProviders(<MemberRoleForm membershipId="m-1" role="MEMBER" name="Salma" onChanged={onChanged} />, {
      mocks: [
        {
          request: {
            query: ChangeMembershipRoleDocument,
            variables: { input: { membershipId: 'm-1', role: 'REPRESENTATIVE' } },
          },
          result: {
            data: {
              changeMembershipRole: {
                __typename: 'MembershipPayload',
                membership: { __typename: 'Membership', id: 'm-1', role: 'REPRESENTATIVE' },
              },
            },
          },
        },
      ],
    });
    const button = screen.getByRole('button', { name: 'Changer le rôle de Salma' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(button);
    await userEvent.selectOptions(screen.getByLabelText('Rôle de Salma'), 'REPRESENTATIVE');
    expect(onChanged).not.toHaveBeenCalled();
    await userEvent.click(button);
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('says the API’s refusal beside the field and keeps the choice', async () => {
    renderWithProviders(<MemberRoleForm membershipId="m-1" role="REPRESENTATIVE" name="Salma" />, {
      mocks: [
        {
          request: { query: ChangeMembershipRoleDocument, variables: () => true },
          result: apiError('FORBIDDEN', 'Only the ministry’s moderators can change who represents an organisation.'),
        },
      ],
    });
    await userEvent.selectOptions(screen.getByLabelText('Rôle de Salma'), 'MEMBER');
    await userEvent.click(screen.getByRole('button', { name: 'Changer le rôle de Salma' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('moderators can change who represents');
    expect(screen.getByLabelText('Rôle de Salma')).toHaveValue('MEMBER');
    expect(screen.getByLabelText('Rôle de Salma')).toHaveAccessibleDescription(/moderators/);
  });

  it('says plainly that the only representative cannot become a member yet', async () => {
    renderWithProviders(<MemberRoleForm membershipId="m-1" role="REPRESENTATIVE" name="Salma" />, {
      mocks: [
        {
          request: { query: ChangeMembershipRoleDocument, variables: () => true },
          result: apiError('CONFLICT', 'only representative', { fields: { role: 'only representative' } }),
        },
      ],
    });
    await userEvent.selectOptions(screen.getByLabelText('Rôle de Salma'), 'MEMBER');
    await userEvent.click(screen.getByRole('button', { name: 'Changer le rôle de Salma' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Salma est la seule personne à représenter l’organisation',
    );
    expect(screen.getByLabelText('Rôle de Salma')).toHaveAccessibleDescription(/seule personne/);
  });
});
