import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, renderWithProviders, viewerFixture } from '../annotations/test-support';
import { ChangePasswordDocument } from '../graphql/generated/graphql';
import { PasswordForm } from './PasswordForm';

vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({ viewer: null as unknown, replaceViewer: vi.fn() }));
vi.mock('../app/session', () => ({ useSession: () => session }));

const current = () => screen.getByLabelText('Mot de passe actuel');
const fresh = () => screen.getByLabelText('Nouveau mot de passe');
const again = () => screen.getByLabelText('Nouveau mot de passe, une seconde fois');
const submit = () => userEvent.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));

async function fill(currentPassword: string, newPassword: string, confirmation = newPassword) {
  await userEvent.type(current(), currentPassword);
  await userEvent.type(fresh(), newPassword);
  await userEvent.type(again(), confirmation);
}

beforeEach(() => {
  window.localStorage.clear();
  session.viewer = viewerFixture();
  session.replaceViewer.mockReset();
});

describe('PasswordForm', () => {
  it('checks length and the confirmation before asking the API, each on its field', async () => {
    renderWithProviders(<PasswordForm />);
    await fill('ancien mot de passe', 'court');
    await submit();
    expect(fresh()).toHaveAttribute('aria-invalid', 'true');
    expect(fresh()).toHaveAccessibleDescription(expect.stringContaining('au moins 12 caractères'));
    expect(fresh()).toHaveFocus();
    await userEvent.clear(fresh());
    await userEvent.type(fresh(), 'une phrase assez longue');
    await submit();
    expect(fresh()).not.toHaveAttribute('aria-invalid');
    expect(again()).toHaveAccessibleDescription('Les deux saisies du nouveau mot de passe ne sont pas identiques.');
  });

  it('says a wrong current password on its field and keeps what was typed (nothing stored)', async () => {
    renderWithProviders(<PasswordForm />, {
      mocks: [
        {
          request: { query: ChangePasswordDocument, variables: () => true },
          result: apiError('UNAUTHENTICATED', 'The password is not correct.', { reason: 'WRONG_PASSWORD' }),
        },
      ],
    });
    await fill('pas le bon', 'une phrase assez longue');
    await submit();
    await waitFor(() => expect(current()).toHaveAttribute('aria-invalid', 'true'));
    expect(current()).toHaveAccessibleDescription('Ce mot de passe n’est pas le bon.');
    expect(current()).toHaveFocus();
    expect(fresh()).toHaveValue('une phrase assez longue');
    expect(window.localStorage.length).toBe(0);
  });

  it('translates the API’s refusal of a common password', async () => {
    renderWithProviders(<PasswordForm />, {
      mocks: [
        {
          request: { query: ChangePasswordDocument, variables: () => true },
          result: apiError('BAD_USER_INPUT', 'invalid', {
            fields: { newPassword: 'is in a list of common or breached passwords; choose another' },
          }),
        },
      ],
    });
    await fill('mot de passe actuel', 'motdepasse123456');
    await submit();
    await waitFor(() => expect(fresh()).toHaveAttribute('aria-invalid', 'true'));
    expect(fresh()).toHaveAccessibleDescription(expect.stringContaining('mots de passe courants ou divulgués'));
  });

  it('changes it, empties the fields and says the other sessions ended', async () => {
    const updated = viewerFixture({ version: 2 });
    renderWithProviders(<PasswordForm />, {
      mocks: [
        {
          request: {
            query: ChangePasswordDocument,
            variables: { input: { currentPassword: 'mot de passe actuel', newPassword: 'une phrase assez longue' } },
          },
          result: { data: { changePassword: { __typename: 'UserPayload', user: updated } } },
        },
      ],
    });
    await fill('mot de passe actuel', 'une phrase assez longue');
    await submit();
    expect(await screen.findByText(/Vos autres sessions/)).toBeInTheDocument();
    expect(session.replaceViewer).toHaveBeenCalledWith(expect.objectContaining({ version: 2 }));
    expect(current()).toHaveValue('');
    expect(fresh()).toHaveValue('');
  });

  it('sends the change once when Enter is pressed again while it runs, and keeps the focus on the button', async () => {
    const sent = vi.fn();
    renderWithProviders(<PasswordForm />, {
      mocks: [
        {
          request: { query: ChangePasswordDocument, variables: () => true },
          // A second request would be answered too (and counted), not refused by the mock.
          maxUsageCount: 2,
          delay: 1000,
          result: () => (
            sent(),
            { data: { changePassword: { __typename: 'UserPayload', user: viewerFixture({ version: 2 }) } } }
          ),
        },
      ],
    });
    await fill('mot de passe actuel', 'une phrase assez longue');
    const button = screen.getByRole('button', { name: 'Changer le mot de passe' });
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.click(again());
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'false'), { timeout: 5000 });
    expect(session.replaceViewer).toHaveBeenCalledTimes(1);
    expect(sent).toHaveBeenCalledTimes(1);
  });
});
