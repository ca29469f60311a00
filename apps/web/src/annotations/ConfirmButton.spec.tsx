import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from './test-support';
import { ConfirmButton } from './ConfirmButton';

// Typing with user-event takes a while on a loaded 2-core machine (the whole suite runs beside): room, not a timing goal.
vi.setConfig({ testTimeout: 20_000 });

describe('ConfirmButton', () => {
  it('keeps the focus on the confirming button while it runs, inside the dialog, and confirms only once', async () => {
    let finish = () => undefined as void;
    const onConfirm = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    renderWithProviders(
      <ConfirmButton label="Retirer" title="Retirer la note ?" explanation="Elle disparaît." onConfirm={onConfirm} />,
    );
    const opener = screen.getByRole('button', { name: 'Retirer' });
    await userEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Retirer la note ?' });
    const confirm = within(dialog).getByRole('button', { name: 'Retirer' });
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();

    await userEvent.tab({ shift: true });
    expect(confirm).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledTimes(1);
    // Busy: it says so and does nothing, but it is not `disabled`, so the focus stays on it (not on the page's body)…
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    expect(confirm).not.toBeDisabled();
    expect(confirm).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    // …and Tab still goes round inside the dialog, the busy button included.
    await userEvent.tab();
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();
    await userEvent.tab();
    expect(confirm).toHaveFocus();

    finish();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(opener).toHaveFocus();
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
