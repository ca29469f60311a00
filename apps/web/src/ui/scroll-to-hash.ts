import { useEffect } from 'react';

/**
 * Pages whose content arrives after the first paint (the reader's text, a thread's replies) scroll to the element the
 * address names (`#art-7`, `#reply-<id>`) once `readyKey` is set, which the browser cannot do by itself.
 */
export function useScrollToHash(readyKey: unknown) {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (readyKey && id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, [readyKey]);
}
