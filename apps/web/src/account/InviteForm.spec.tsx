import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readDraft } from '../annotations/drafts';
import { apiError, renderWithProviders } from '../annotations/test-support';
import { InviteMemberDocument } from '../graphql/generated/graphql';
import { InviteForm } from './InviteForm';

vi.setConfig({ testTimeout: 20_000 });

const emailField = () => screen.getByLabelText('Adresse e-mail de la personne');
const send = () => userEvent.click(screen.getByRole('button', { name: 'Inviter' }));

beforeEach(() => window.localStorage.clear());

describe('InviteForm', () => {
  it('refuses an address that is not one, on its field', async () => {
    renderWithProviders(<InviteForm organizationId="o-fmo" mayInviteRepresentatives={false} />);
    await userEvent.type(emailField(), 'pas-une-adresse');
    await send();
    expect(emailField()).toHaveAttribute('aria-invalid', 'true');
    expect(emailField()).toHaveAccessibleDescription(expect.stringContaining('adresse e-mail valide'));
    expect(screen.queryByRole('combobox', { name: 'Rôle' })).toBeNull(); // representatives invite members only
  });

  it('invites and shows the link once, to accept at /invitations/accept', async () => {
    const onInvited = vi.fn();
    renderWithProviders(<InviteForm organizationId="o-fmo" mayInviteRepresentatives={false} onInvited={onInvited} />, {
      mocks: [
        {
          request: {
            query: InviteMemberDocument,
            variables: { input: { organizationId: 'o-fmo', email: 'amina@example.ma', role: 'MEMBER' } },
          },
          result: {
            data: {
              inviteMember: {
                __typename: 'InviteMemberPayload',
                token: 'secret/token+1',
                invitation: {
                  __typename: 'Invitation',
                  id: 'i1',
                  email: 'amina@example.ma',
                  role: 'MEMBER',
                  sentAt: '2026-12-01T10:00:00.000Z',
                  expiresAt: '2026-12-08T10:00:00.000Z',
                },
              },
            },
          },
        },
      ],
    });
    await userEvent.type(emailField(), 'amina@example.ma');
    expect(readDraft('account.invite.o-fmo')).toMatchObject({ email: 'amina@example.ma' });
    await send();
    const link = await screen.findByLabelText('Lien d’invitation pour amina@example.ma');
    expect(link).toHaveValue(`${window.location.origin}/invitations/accept?token=secret%2Ftoken%2B1`);
    expect(onInvited).toHaveBeenCalled();
    expect(emailField()).toHaveValue('');
    expect(readDraft('account.invite.o-fmo')).toBeNull();
  });

  it('keeps the address when the API refuses (already a member), and lets staff choose the role', async () => {
    renderWithProviders(<InviteForm organizationId="o-fmo" mayInviteRepresentatives />, {
      mocks: [
        {
          request: { query: InviteMemberDocument, variables: () => true },
          result: apiError('CONFLICT', 'This person is already a member of the organisation.', {
            fields: { email: 'This person is already a member of the organisation.' },
          }),
        },
      ],
    });
    await userEvent.type(emailField(), 'deja@example.ma');
    await userEvent.selectOptions(screen.getByLabelText('Rôle'), 'REPRESENTATIVE');
    await send();
    await waitFor(() =>
      expect(emailField()).toHaveAccessibleDescription('Cette personne fait déjà partie de l’organisation.'),
    );
    expect(emailField()).toHaveValue('deja@example.ma');
    expect(readDraft('account.invite.o-fmo')).toMatchObject({ email: 'deja@example.ma', role: 'REPRESENTATIVE' });
  });
});
