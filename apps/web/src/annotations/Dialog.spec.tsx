import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Dialog } from './Dialog';

// Typing with user-event takes a while on a loaded 2-core machine (the whole suite runs beside): room, not a timing goal.
vi.setConfig({ testTimeout: 20_000 });

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Ouvrir
      </button>
      {open && (
        <Dialog title="Titre" onClose={() => setOpen(false)}>
          <button type="button">Premier</button>
          <button type="button">Dernier</button>
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('moves focus in, keeps Tab and Shift+Tab inside, closes on Escape and gives focus back', async () => {
    render(<Harness />);
    await userEvent.click(screen.getByRole('button', { name: 'Ouvrir' }));
    expect(screen.getByRole('dialog', { name: 'Titre' })).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('button', { name: 'Premier' })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Dernier' })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Premier' })).toHaveFocus();
    await userEvent.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Dernier' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Ouvrir' })).toHaveFocus();
  });
});
