import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { ShowMore } from './ShowMore';
import { Empty, Loading } from './States';

interface PagedConnection<E> {
  readonly edges: readonly E[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null };
  readonly totalCount?: number;
}

export interface PagedListProps<E> {
  /** The connection as read so far (undefined while the first page loads). */
  readonly connection: PagedConnection<E> | undefined;
  readonly error: unknown;
  readonly onRetry: () => void;
  /** Fetches the page after `after` and appends it (`fetchMore` with `appendEdges`). */
  readonly onMore: (after: string) => Promise<unknown>;
  /** What an empty list says. */
  readonly empty: ReactNode;
  /** Shown above a non-empty list (e.g. how many there are). */
  readonly header?: (connection: PagedConnection<E>) => ReactNode;
  readonly className?: string;
  /** One `<li>` (with its key) per edge. */
  readonly children: (edge: E) => ReactNode;
}

/**
 * The scaffold of a paged list read from a Relay connection: the error (with retry) when nothing could be read,
 * loading, the empty state, then the items and "show more" while there are further pages.
 */
export function PagedList<E>({
  connection,
  error,
  onRetry,
  onMore,
  empty,
  header,
  className = 'mine-list',
  children,
}: PagedListProps<E>) {
  if (error && !connection) return <ErrorMessage error={error} onRetry={onRetry} />;
  if (!connection) return <Loading />;
  if (connection.edges.length === 0) return <Empty>{empty}</Empty>;
  return (
    <>
      {header?.(connection)}
      <ul className={className}>{connection.edges.map(children)}</ul>
      <ShowMore pageInfo={connection.pageInfo} onMore={onMore} />
    </>
  );
}
