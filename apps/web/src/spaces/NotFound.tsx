import { useEffect, useRef } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { describeError } from '../app/errors';
import { ErrorMessage } from '../ui/ErrorMessage';

/**
 * What a page shows when the API answers NOT_FOUND: the same for what does not exist and for what one may not see
 * (a private space one is not in), so that nothing hints that it exists.
 */
export function NotFound() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title" ref={heading} tabIndex={-1}>
        <FormattedMessage id="spaces.notFound.title" />
      </h1>
      <p>
        <FormattedMessage id="spaces.notFound.explanation" />
      </p>
      <p>
        <Link to="/spaces">
          <FormattedMessage id="spaces.notFound.back" />
        </Link>
      </p>
    </section>
  );
}

/** The not-found page for NOT_FOUND, the error (with a retry) otherwise. */
export function PageError({ error, onRetry }: { readonly error: unknown; readonly onRetry?: () => void }) {
  return describeError(error).code === 'NOT_FOUND' ? <NotFound /> : <ErrorMessage error={error} onRetry={onRetry} />;
}
