import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, renderWithProviders } from '../../annotations/test-support';
import { CreateOrganizationDocument } from '../../graphql/generated/graphql';
import { NewOrganizationForm } from './NewOrganizationForm';

vi.setConfig({ testTimeout: 20_000 });

const create = () => userEvent.click(screen.getByRole('button', { name: 'Créer l’organisation' }));

beforeEach(() => window.localStorage.clear());

describe('NewOrganizationForm', () => {
  it('asks for the name and a company’s ICE on their fields, and sends nothing', async () => {
    const sent = vi.fn();
    renderWithProviders(<NewOrganizationForm />, {
      mocks: [
        {
          request: { query: CreateOrganizationDocument, variables: () => true },
          result: () => (sent(), apiError('X')),
        },
      ],
    });
    await create();
    expect(screen.getByLabelText('Nom')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Nom')).toHaveAccessibleDescription('Indiquez le nom de l’organisation.');
    expect(screen.getByLabelText('Nom')).toHaveFocus();
    expect(screen.getByLabelText('ICE')).toHaveAccessibleDescription('Indiquez l’ICE de l’entreprise (15 chiffres).');
    expect(sent).not.toHaveBeenCalled();
  });

  it('says the API’s refusal on the ICE field and keeps every value typed', async () => {
    renderWithProviders(<NewOrganizationForm />, {
      mocks: [
        {
          request: { query: CreateOrganizationDocument, variables: () => true },
          result: apiError('BAD_USER_INPUT', 'Invalid input', { fields: { ice: 'An ICE has 15 digits.' } }),
        },
      ],
    });
    await userEvent.type(screen.getByLabelText('Nom'), 'Atlas Textiles');
    await userEvent.type(screen.getByLabelText('Sigle (facultatif)'), 'ATX');
    await userEvent.type(screen.getByLabelText('ICE'), '123');
    await create();
    expect(await screen.findByText('An ICE has 15 digits.')).toBeInTheDocument();
    expect(screen.getByLabelText('ICE')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Nom')).toHaveValue('Atlas Textiles');
    expect(screen.getByLabelText('Sigle (facultatif)')).toHaveValue('ATX');
    expect(screen.getByLabelText('ICE')).toHaveValue('123');
  });
});
