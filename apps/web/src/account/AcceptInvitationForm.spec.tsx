import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { digest, readDraft } from '../annotations/drafts';
import { apiError, renderWithProviders, viewerFixture } from '../annotations/test-support';
import { AcceptInvitationDocument } from '../graphql/generated/graphql';
import { AcceptInvitationForm } from './AcceptInvitationForm';

vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({ viewer: null as unknown, adopt: vi.fn() }));
vi.mock('../app/session', () => ({ useSession: () => session }));

const nameField = () => screen.getByLabelText('Nom affiché');
const passwordField = () => screen.getByLabelText('Mot de passe');
const accept = () => userEvent.click(screen.getByRole('button', { name: 'Accepter l’invitation' }));

function renderForm(mocks: Parameters<typeof renderWithProviders>[1] = {}) {
  const onAccepted = vi.fn();
  renderWithProviders(
    <AcceptInvitationForm token="tok-1" email="amina@example.ma" locale="ar" onAccepted={onAccepted} />,
    mocks,
  );
  return onAccepted;
}

beforeEach(() => {
  window.localStorage.clear();
  session.adopt.mockReset();
});

describe('AcceptInvitationForm', () => {
  it('asks for a name and a password, each on its field', async () => {
    renderForm();
    await accept();
    expect(nameField()).toHaveAccessibleDescription('Indiquez votre nom, tel qu’il sera affiché.');
    expect(nameField()).toHaveFocus();
    await userEvent.type(nameField(), 'Amina');
    await accept();
    expect(passwordField()).toHaveAttribute('aria-invalid', 'true');
    expect(passwordField()).toHaveFocus();
  });

  it('says when the address has an account and the password is not its own, keeping the name', async () => {
    renderForm({
      mocks: [
        {
          request: { query: AcceptInvitationDocument, variables: () => true },
          result: apiError('UNAUTHENTICATED', 'The e-mail address or the password is not correct.', {
            reason: 'WRONG_PASSWORD',
          }),
        },
      ],
    });
    await userEvent.type(nameField(), 'Amina');
    await userEvent.type(passwordField(), 'pas le mot de passe');
    await accept();
    await waitFor(() =>
      expect(passwordField()).toHaveAccessibleDescription(
        expect.stringContaining('Un compte existe déjà avec cette adresse'),
      ),
    );
    expect(readDraft(`account.accept.${digest('tok-1')}`)).toEqual({ displayName: 'Amina' });
  });

  it('accepts, starts the session it opened, and forgets the draft', async () => {
    const user = viewerFixture({ displayName: 'Amina', locale: 'AR' });
    const onAccepted = renderForm({
      mocks: [
        {
          request: {
            query: AcceptInvitationDocument,
            variables: {
              input: { token: 'tok-1', displayName: 'Amina', password: 'une phrase assez longue', locale: 'AR' },
            },
          },
          result: {
            data: {
              acceptInvitation: {
                __typename: 'AcceptInvitationPayload',
                membership: {
                  __typename: 'Membership',
                  id: 'm9',
                  organization: { __typename: 'Organization', id: 'o-fmo', name: 'FMO' },
                },
                user,
                session: { __typename: 'SessionPayload', accessToken: 'access-1', user },
              },
            },
          },
        },
      ],
    });
    await userEvent.type(nameField(), 'Amina');
    await userEvent.type(passwordField(), 'une phrase assez longue');
    await accept();
    await waitFor(() => expect(onAccepted).toHaveBeenCalled());
    expect(session.adopt).toHaveBeenCalledWith('access-1', expect.objectContaining({ displayName: 'Amina' }));
    expect(readDraft(`account.accept.${digest('tok-1')}`)).toBeNull();
  });
});
