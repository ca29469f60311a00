import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { messagesFor } from '../i18n';
import { ShowMore } from './ShowMore';

/** A list of `pages` pages; "show more" adds the next one after a tick, as a fetch would. */
function List({ pages }: { readonly pages: number }) {
  const [shown, setShown] = useState(1);
  const [search, setSearch] = useState('');
  return (
    <IntlProvider locale="fr" messages={messagesFor('fr')}>
      <input aria-label="Recherche" value={search} onChange={(event) => setSearch(event.target.value)} />
      <p>{shown} pages</p>
      <ShowMore
        pageInfo={{ hasNextPage: shown < pages, endCursor: shown < pages ? `c${shown}` : null }}
        onMore={() => new Promise((resolve) => setTimeout(() => resolve(setShown((n) => n + 1)), 10))}
      />
    </IntlProvider>
  );
}

describe('ShowMore', () => {
  it('keeps the focus on the button while more pages remain', async () => {
    render(<List pages={3} />);
    const more = screen.getByRole('button', { name: 'Afficher plus' });
    await userEvent.click(more);
    expect(await screen.findByText('2 pages')).toBeInTheDocument();
    expect(more).toHaveFocus();
    expect(screen.queryByText('Fin de la liste.')).not.toBeInTheDocument();
  });

  it('gives the focus to "end of the list" when its click reached the last page', async () => {
    render(<List pages={2} />);
    await userEvent.click(screen.getByRole('button', { name: 'Afficher plus' }));
    expect(await screen.findByText('Fin de la liste.')).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Afficher plus' })).not.toBeInTheDocument();
  });

  it('says nothing under a list that never had more', async () => {
    render(<List pages={1} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(screen.queryByText('Fin de la liste.')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
