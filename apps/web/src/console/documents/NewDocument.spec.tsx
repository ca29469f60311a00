import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { apiError, renderWithProviders } from '../../annotations/test-support';
import { CreateDocumentDocument } from '../../graphql/generated/graphql';
import { NewDocument } from './NewDocument';

vi.setConfig({ testTimeout: 40_000 });

const create = () => userEvent.click(screen.getByRole('button', { name: 'Créer et publier le texte' }));
const reference = () => screen.getByLabelText('Référence (ex. Circulaire 15/2025)');

beforeEach(() => window.localStorage.clear());

describe('NewDocument', () => {
  it('asks for the reference on its field, and sends nothing', async () => {
    const sent = vi.fn();
    renderWithProviders(
      <MemoryRouter>
        <NewDocument />
      </MemoryRouter>,
      {
        mocks: [
          { request: { query: CreateDocumentDocument, variables: () => true }, result: () => (sent(), apiError('X')) },
        ],
      },
    );
    await userEvent.type(screen.getByLabelText('Titre'), 'Formation continue');
    await create();
    expect(reference()).toHaveAttribute('aria-invalid', 'true');
    expect(reference()).toHaveAccessibleDescription('Indiquez la référence du document.');
    expect(reference()).toHaveFocus();
    expect(sent).not.toHaveBeenCalled();
  });

  it('says the API’s refusal on the title field and keeps the values typed', async () => {
    renderWithProviders(
      <MemoryRouter>
        <NewDocument />
      </MemoryRouter>,
      {
        mocks: [
          {
            request: { query: CreateDocumentDocument, variables: () => true },
            result: apiError('BAD_USER_INPUT', 'Invalid input', { fields: { title: 'Too long.' } }),
          },
        ],
      },
    );
    await userEvent.type(reference(), 'Circulaire 15/2025');
    await userEvent.type(screen.getByLabelText('Titre'), 'Formation continue');
    await create();
    expect(await screen.findByText('Too long.')).toBeInTheDocument();
    expect(screen.getByLabelText('Titre')).toHaveAttribute('aria-invalid', 'true');
    expect(reference()).toHaveValue('Circulaire 15/2025');
    expect(screen.getByLabelText('Titre')).toHaveValue('Formation continue');
  });
});
