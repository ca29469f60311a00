import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MentionableDocument } from '../graphql/generated/graphql';
import { MarkdownField } from './MarkdownField';
import { person, renderWithProviders } from './test-support';

vi.setConfig({ testTimeout: 20_000 });

const people = [person('u-kh', 'Khadija Alaoui'), person('u-ka', 'Karim Benali')];
const mentionable = (prefix: string, result = people) => ({
  request: { query: MentionableDocument, variables: { threadId: 't1', prefix } },
  result: { data: { mentionable: result } },
});

function Field({ onEscape }: { onEscape?: () => void }) {
  const [value, setValue] = useState('');
  return (
    <div onKeyDown={(event) => event.key === 'Escape' && onEscape?.()}>
      <MarkdownField label="Réponse" value={value} onChange={setValue} mentions={{ threadId: 't1' }} />
      <output data-testid="value">{value}</output>
    </div>
  );
}

const field = () => screen.getByRole('combobox', { name: 'Réponse' });
const type = (text: string) => fireEvent.change(field(), { target: { value: text } });

describe('MentionTextarea (through MarkdownField)', () => {
  it('is a collapsed combobox until "@name" is typed, then lists the people the API proposes', async () => {
    renderWithProviders(<Field />, { mocks: [mentionable('Ka')] });
    expect(field()).toHaveAttribute('aria-expanded', 'false');
    expect(field()).toHaveAttribute('aria-autocomplete', 'list');
    expect(field()).toHaveAccessibleDescription(/Tapez @/);
    type('Bonjour @Ka');
    const list = await screen.findByRole('listbox', { name: 'Personnes à mentionner' });
    expect(field()).toHaveAttribute('aria-expanded', 'true');
    expect(field()).toHaveAttribute('aria-controls', list.id);
    const options = screen.getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Khadija Alaoui', 'Karim Benali']);
    expect(field()).toHaveAttribute('aria-activedescendant', options[0]!.id);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
  });

  it('moves with the arrows (wrapping) and inserts the stored syntax with Enter', async () => {
    renderWithProviders(<Field />, { mocks: [mentionable('Ka')] });
    type('Bonjour @Ka');
    await screen.findByRole('listbox');
    field().focus();
    await userEvent.keyboard('{ArrowDown}');
    const options = screen.getAllByRole('option');
    expect(field()).toHaveAttribute('aria-activedescendant', options[1]!.id);
    await userEvent.keyboard('{ArrowDown}');
    expect(field()).toHaveAttribute('aria-activedescendant', options[0]!.id);
    await userEvent.keyboard('{ArrowUp}{Enter}');
    expect(screen.getByTestId('value')).toHaveTextContent('Bonjour @[Karim Benali](user:u-ka)');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(field()).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes the list with Escape without closing the form around it, and inserts by mouse too', async () => {
    const onEscape = vi.fn();
    renderWithProviders(<Field onEscape={onEscape} />, { mocks: [mentionable('Kh'), mentionable('Kh')] });
    type('@Kh');
    await screen.findByRole('listbox');
    field().focus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(onEscape).not.toHaveBeenCalled();
    // A second Escape, list closed, goes on to the form.
    await userEvent.keyboard('{Escape}');
    expect(onEscape).toHaveBeenCalledTimes(1);

    type('@Kh ');
    type('@Kh');
    fireEvent.mouseDown(await screen.findByRole('option', { name: 'Khadija Alaoui' }));
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent('@[Khadija Alaoui](user:u-kh)'));
  });

  it('shows no list when nobody matches', async () => {
    renderWithProviders(<Field />, { mocks: [mentionable('Zz', [])] });
    type('@Zz');
    await waitFor(() => expect(field()).toHaveAttribute('aria-expanded', 'false'));
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });
});
