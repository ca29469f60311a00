import type { ButtonHTMLAttributes } from 'react';

export interface BusyButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** While its request runs: the button does nothing (a double click sends nothing twice). */
  readonly busy?: boolean;
}

/**
 * A button that does nothing while `busy` or `disabled` and still keeps the keyboard's focus: it is aria-disabled (a
 * screen reader says so, it looks like a disabled button), never disabled, which would drop the focus to the page's
 * body and leave the person to find their way back — as when the button's own action makes it unavailable (a role
 * saved, all read, an item moved to the top). While unavailable its click is cancelled before `onClick`; for a
 * submit button that also cancels the form's submission, Enter in a field included (implicit submission clicks it).
 */
export function BusyButton({ busy = false, disabled = false, onClick, ...button }: BusyButtonProps) {
  const unavailable = busy || disabled;
  return (
    <button
      {...button}
      aria-disabled={unavailable}
      onClick={(event) => {
        if (unavailable) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}
