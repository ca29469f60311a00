import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A page's filters kept in the URL's search params (`?reason=SPAM&document=…`), so that a filtered view can be
 * reloaded, bookmarked, shared and gone back to. Values outside `allowed` (when given) read as unset; setting a
 * filter replaces the history entry instead of stacking one per change.
 */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
  allowed: Partial<Record<K, readonly string[]>> = {},
): [Record<K, string>, (changes: Partial<Record<K, string>>) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(
    keys.map((key) => {
      const value = params.get(key) ?? '';
      const choices = allowed[key];
      return [key, choices && !choices.includes(value) ? '' : value];
    }),
  ) as Record<K, string>;
  const set = useCallback(
    (changes: Partial<Record<K, string>>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [values, set];
}

/** The moderation log narrowed to one piece of content (the queue links there). */
export const logOfContent = (contentType: string, contentId: string) =>
  `/console/moderation/log?${new URLSearchParams({ type: contentType, content: contentId })}`;
