import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { BusyButton } from './BusyButton';

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
    <BusyButton
      type="button"
      className="show-more"
      busy={busy}
      onClick={() => {
        setBusy(true);
        void onMore(after).finally(() => setBusy(false));
      }}
    >
      <FormattedMessage id="common.showMore" />
    </BusyButton>
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
