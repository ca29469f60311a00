import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

/** Designed states: a polite status while loading, a sentence (not a blank) when there is nothing. */
export function Loading({ label }: { label?: ReactNode }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? <FormattedMessage id="common.loading" />}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}
