import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readDraft, writeDraft } from '../annotations/drafts';
import { apiError, renderWithProviders, viewerFixture } from '../annotations/test-support';
import { MeDocument, UpdateProfileDocument } from '../graphql/generated/graphql';
import { ProfileForm } from './ProfileForm';

vi.setConfig({ testTimeout: 20_000 });

const session = vi.hoisted(() => ({ viewer: null as unknown, replaceViewer: vi.fn() }));
vi.mock('../app/session', () => ({ useSession: () => session }));

const nameField = () => screen.getByLabelText('Nom affiché');
const save = () => userEvent.click(screen.getByRole('button', { name: 'Enregistrer le profil' }));
const draftKey = 'account.profile.u-me';

beforeEach(() => {
  window.localStorage.clear();
  session.viewer = viewerFixture();
  session.replaceViewer.mockReset();
});

describe('ProfileForm', () => {
  it('refuses an empty name on its field, and sends nothing', async () => {
    const sent = vi.fn();
    renderWithProviders(<ProfileForm viewer={viewerFixture()} />, {
      mocks: [
        { request: { query: UpdateProfileDocument, variables: () => true }, result: () => (sent(), apiError('X')) },
      ],
    });
    await userEvent.clear(nameField());
    await save();
    expect(nameField()).toHaveAttribute('aria-invalid', 'true');
    expect(nameField()).toHaveAccessibleDescription('Indiquez le nom à afficher.');
    expect(nameField()).toHaveFocus();
    expect(sent).not.toHaveBeenCalled();
  });

  it('saves name and language with the version read, then forgets the draft', async () => {
    const saved = viewerFixture({ displayName: 'Salma I.', locale: 'AR', version: 2 });
    const onSaved = vi.fn();
    renderWithProviders(<ProfileForm viewer={viewerFixture()} onSaved={onSaved} />, {
      mocks: [
        {
          request: {
            query: UpdateProfileDocument,
            variables: { input: { displayName: 'Salma I.', locale: 'AR', version: 1 } },
          },
          result: { data: { updateProfile: { __typename: 'UserPayload', user: saved } } },
        },
      ],
    });
    await userEvent.clear(nameField());
    await userEvent.type(nameField(), 'Salma I.');
    await userEvent.selectOptions(screen.getByLabelText('Langue de l’interface et des messages'), 'ar');
    expect(readDraft(draftKey)).toEqual({ displayName: 'Salma I.', locale: 'ar' });
    await save();
    await waitFor(() => expect(session.replaceViewer).toHaveBeenCalledWith(expect.objectContaining({ version: 2 })));
    expect(onSaved).toHaveBeenCalled();
    expect(readDraft(draftKey)).toBeNull();
  });

  it('on CONFLICT reads the profile again and keeps what was typed as a draft', async () => {
    const latest = viewerFixture({ displayName: 'Changed elsewhere', version: 5 });
    const onConflict = vi.fn();
    renderWithProviders(<ProfileForm viewer={viewerFixture()} onConflict={onConflict} />, {
      mocks: [
        { request: { query: UpdateProfileDocument, variables: () => true }, result: apiError('CONFLICT') },
        { request: { query: MeDocument }, result: { data: { me: latest } } },
      ],
    });
    await userEvent.clear(nameField());
    await userEvent.type(nameField(), 'Mon nom');
    await save();
    await waitFor(() => expect(session.replaceViewer).toHaveBeenCalledWith(expect.objectContaining({ version: 5 })));
    expect(onConflict).toHaveBeenCalled();
    expect(readDraft(draftKey)).toMatchObject({ displayName: 'Mon nom' });
  });

  it('brings back a draft typed earlier, and can discard it', async () => {
    writeDraft(draftKey, { displayName: 'Brouillon', locale: 'fr' });
    renderWithProviders(<ProfileForm viewer={viewerFixture()} />);
    expect(nameField()).toHaveValue('Brouillon');
    await userEvent.click(screen.getByRole('button', { name: 'Effacer le brouillon' }));
    expect(nameField()).toHaveValue('Salma Idrissi');
  });
});
