import { screen, waitFor, within } from '@testing-library/react';
import { ResultChart, type OptionCounts } from './ResultChart';
import { TextAnswers } from './ResultsPage';
import { renderWithIntl } from './test-support';

const OPTIONS: OptionCounts[] = [
  {
    option: 'Oui',
    count: 5,
    byKind: [
      { kind: 'COMPANY', count: 3 },
      { kind: 'FEDERATION', count: 2 },
    ],
  },
  { option: 'Non', count: 3, byKind: [{ kind: 'COMPANY', count: 3 }] },
  { option: 'Sans avis', count: 0, byKind: [] },
];

describe('ResultChart', () => {
  it('gives the chart’s figures in a table: one row per option, one column per kind of organisation, and the total', async () => {
    const { container } = renderWithIntl(<ResultChart options={OPTIONS} title="Question 2 — Le plafond" />);
    const table = screen.getByRole('table', { name: 'Réponses par option et par type d’organisation' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Option', 'Fédérations', 'Entreprises', 'Total']);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Oui', '2', '3', '5'],
      ['Non', '0', '3', '3'],
      ['Sans avis', '0', '0', '0'],
    ]);
    expect(
      screen.getByRole('figure', { name: /Question 2 — Le plafond.*les chiffres sont dans le tableau/ }),
    ).toBeInTheDocument();
    // The drawing is for the eye only: the table carries the figures for everyone.
    await waitFor(() => expect(container.querySelector('.result-chart svg')).not.toBeNull());
    expect(container.querySelector('.result-chart')).toHaveAttribute('aria-hidden', 'true');
  });

  it('writes numbers and kinds in Arabic', () => {
    renderWithIntl(<ResultChart options={OPTIONS} title="السؤال 2" />, 'ar');
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'الشركات' })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: 'Oui' })).toBeInTheDocument();
  });
});

describe('TextAnswers', () => {
  it('shows named and anonymous answers, and counts those left out (confidential)', () => {
    renderWithIntl(
      <TextAnswers
        result={{
          answered: 4,
          texts: [
            { consent: 'PUBLIC_NAMED', organization: 'FMO', text: 'Avis de la fédération' },
            { consent: 'PUBLIC_ANONYMOUS', organization: null, text: 'Avis anonyme' },
          ],
        }}
      />,
    );
    expect(screen.getByText('FMO')).toBeInTheDocument();
    expect(screen.getByText('Anonyme')).toBeInTheDocument();
    expect(screen.getByText('2 réponses confidentielles sont comptées mais non citées.')).toBeInTheDocument();
  });
});
