import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readDraft } from '../../annotations/drafts';
import { apiError, renderWithProviders } from '../../annotations/test-support';
import { UpdateDocumentDocument, type EditableDocumentFragment } from '../../graphql/generated/graphql';
import { EditDocumentForm } from './EditDocumentForm';

vi.setConfig({ testTimeout: 20_000 });

const published: EditableDocumentFragment = {
  id: 'doc-1',
  reference: 'Circulaire 15/2025',
  title: 'Circulaire sur l’offshoring',
  status: 'DRAFT',
  commentsOpenAt: null,
  commentsCloseAt: null,
  version: 2,
  latestVersion: { id: 'v-1', number: 1 },
};
const draftKey = 'console:document:doc-1';
const save = () => userEvent.click(screen.getByRole('button', { name: 'Enregistrer le document' }));
const localIso = (local: string) => new Date(local).toISOString();

beforeEach(() => window.localStorage.clear());

describe('EditDocumentForm', () => {
  it('opens the document for comment with a window typed in local time, sent as instants', async () => {
    const onSaved = vi.fn();
    renderWithProviders(<EditDocumentForm document={published} onConflict={vi.fn()} onSaved={onSaved} />, {
      mocks: [
        {
          request: {
            query: UpdateDocumentDocument,
            variables: {
              input: {
                id: 'doc-1',
                version: 2,
                title: 'Circulaire sur l’offshoring',
                status: 'OPEN_FOR_COMMENT',
                commentsOpenAt: localIso('2027-01-10T09:00'),
                commentsCloseAt: localIso('2027-02-10T18:00'),
              },
            },
          },
          result: {
            data: {
              updateDocument: {
                __typename: 'DocumentPayload',
                document: { ...published, status: 'OPEN_FOR_COMMENT', version: 3 },
              },
            },
          },
        },
      ],
    });
    await userEvent.selectOptions(screen.getByLabelText('Statut'), 'OPEN_FOR_COMMENT');
    await userEvent.type(screen.getByLabelText('Ouverture des commentaires'), '2027-01-10T09:00');
    await userEvent.type(screen.getByLabelText('Clôture des commentaires'), '2027-02-10T18:00');
    expect(readDraft(draftKey)).toMatchObject({ status: 'OPEN_FOR_COMMENT' });
    await save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(readDraft(draftKey)).toBeNull();
  });

  it('refuses an empty title and a window closing before it opens, sending nothing', async () => {
    const sent = vi.fn();
    renderWithProviders(<EditDocumentForm document={published} onConflict={vi.fn()} />, {
      mocks: [
        { request: { query: UpdateDocumentDocument, variables: () => true }, result: () => (sent(), apiError('X')) },
      ],
    });
    await userEvent.clear(screen.getByLabelText('Titre'));
    await userEvent.type(screen.getByLabelText('Ouverture des commentaires'), '2027-02-10T09:00');
    await userEvent.type(screen.getByLabelText('Clôture des commentaires'), '2027-01-10T09:00');
    await save();
    expect(screen.getByLabelText('Titre')).toHaveAccessibleDescription('Indiquez le titre du document.');
    expect(screen.getByLabelText('Titre')).toHaveFocus();
    expect(screen.getByLabelText('Clôture des commentaires')).toHaveAccessibleDescription(
      'La clôture doit venir après l’ouverture.',
    );
    expect(sent).not.toHaveBeenCalled();
  });

  it('says that a document without text cannot be opened, before sending', async () => {
    const sent = vi.fn();
    renderWithProviders(<EditDocumentForm document={{ ...published, latestVersion: null }} onConflict={vi.fn()} />, {
      mocks: [
        { request: { query: UpdateDocumentDocument, variables: () => true }, result: () => (sent(), apiError('X')) },
      ],
    });
    await userEvent.selectOptions(screen.getByLabelText('Statut'), 'OPEN_FOR_COMMENT');
    await save();
    expect(screen.getByLabelText('Statut')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Statut')).toHaveAccessibleDescription(/Publiez d’abord/);
    expect(sent).not.toHaveBeenCalled();
  });

  it('on a stale version asks for the latest and keeps the draft; a CONFLICT on a field is said there', async () => {
    const onConflict = vi.fn();
    renderWithProviders(<EditDocumentForm document={published} onConflict={onConflict} />, {
      mocks: [
        { request: { query: UpdateDocumentDocument, variables: () => true }, result: apiError('CONFLICT') },
        {
          request: { query: UpdateDocumentDocument, variables: () => true },
          result: apiError('CONFLICT', 'Publish a first version before opening the document.', {
            fields: { status: 'Publish a first version before opening the document.' },
          }),
        },
      ],
    });
    await userEvent.type(screen.getByLabelText('Titre'), ' (révisée)');
    await save();
    await waitFor(() => expect(onConflict).toHaveBeenCalledTimes(1));
    expect(readDraft(draftKey)).toMatchObject({ title: 'Circulaire sur l’offshoring (révisée)' });
    await save();
    await waitFor(() =>
      expect(screen.getByLabelText('Statut')).toHaveAccessibleDescription(
        'Publish a first version before opening the document.',
      ),
    );
    expect(onConflict).toHaveBeenCalledTimes(1);
  });
});
