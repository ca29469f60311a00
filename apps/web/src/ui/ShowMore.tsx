import { useEffect, useRef, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { BusyButton } from './BusyButton';

interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor?: string | null;
}

/**
 * "Show more" under a connection's list: fetches the page after `endCursor`; absent on the last page. When the
 * button's own click reached the last page, the button gives way to "end of the list", which takes the keyboard's
 * focus (it would otherwise drop to the page's body) and is read out.
 */
export function ShowMore({ pageInfo, onMore }: { pageInfo: PageInfo; onMore: (after: string) => Promise<unknown> }) {
  const [busy, setBusy] = useState(false);
  /** Shown once a click of the button reached the last page; gone when the list has more again (a new search). */
  const [ended, setEnded] = useState(false);
  /** Set when a click's page has arrived: the next render decides whether it was the last. */
  const arrived = useRef(false);
  const end = useRef<HTMLParagraphElement>(null);
  const last = !pageInfo.hasNextPage || !pageInfo.endCursor;
  useEffect(() => {
    if (!last && ended) setEnded(false);
    if (!arrived.current || busy) return;
    arrived.current = false;
    if (last) setEnded(true);
  });
  useEffect(() => {
    if (ended) end.current?.focus();
  }, [ended]);
  if (last) {
    return ended ? (
      <p ref={end} tabIndex={-1} className="show-more-end">
        <FormattedMessage id="common.endOfList" />
      </p>
    ) : null;
  }
  const after = pageInfo.endCursor as string;
  return (
    <BusyButton
      type="button"
      className="show-more"
      busy={busy}
      onClick={() => {
        setBusy(true);
        void onMore(after)
          .then(() => {
            arrived.current = true;
          })
          .finally(() => setBusy(false));
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
