import { useState } from 'react';
import { FormattedMessage } from 'react-intl';

interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor?: string | null;
}

/** "Show more" under a connection's list: fetches the page after `endCursor`; absent on the last page. */
export function ShowMore({ pageInfo, onMore }: { pageInfo: PageInfo; onMore: (after: string) => Promise<unknown> }) {
  const [busy, setBusy] = useState(false);
  if (!pageInfo.hasNextPage || !pageInfo.endCursor) return null;
  const after = pageInfo.endCursor;
  return (
    <button
      type="button"
      className="show-more"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void onMore(after).finally(() => setBusy(false));
      }}
    >
      <FormattedMessage id="common.showMore" />
    </button>
  );
}

/** `updateQuery` for `fetchMore`: the next page's edges after the ones already shown. */
export function appendEdges<K extends string, E, T extends Record<K, { edges: readonly E[] }>>(key: K) {
  return (previous: T, { fetchMoreResult }: { fetchMoreResult: T }): T => ({
    ...fetchMoreResult,
    [key]: {
      ...fetchMoreResult[key],
      edges: [...previous[key].edges, ...fetchMoreResult[key].edges],
    },
  });
}
