import type { ButtonHTMLAttributes } from 'react';

export interface BusyButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** While its request runs: the button does nothing (a double click sends nothing twice). */
  readonly busy: boolean;
}

/**
 * A button that does nothing while `busy` and still keeps the keyboard's focus: it is aria-disabled (a screen reader
 * says so, it looks like a disabled button), not disabled, which would drop the focus to the page's body and leave
 * the person to find their way back. While busy its click is cancelled before `onClick`; for a submit button that
 * also cancels the form's submission, Enter in a field included (implicit submission clicks it).
 */
export function BusyButton({ busy, onClick, ...button }: BusyButtonProps) {
  return (
    <button
      {...button}
      aria-disabled={busy}
      onClick={(event) => {
        if (busy) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}
