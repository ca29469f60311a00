import { useEffect, useSyncExternalStore } from 'react';

/**
 * The page's own title (an article, a consultation, "Change your password"), which the layout puts in
 * `document.title` before the section's name and "Majlis", in the current language. A page without one shows its
 * section's name.
 */
let current: string | null = null;
const listeners = new Set<() => void>();

function set(title: string | null): void {
  current = title;
  for (const listener of listeners) listener();
}

export const pageTitle = {
  get: (): string | null => current,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Names the page in the browser's tab and history: `usePageTitle(intl.formatMessage({ id: 'account.title' }))`. */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (!title) return;
    set(title);
    return () => {
      if (current === title) set(null);
    };
  }, [title]);
}

export function usePageTitleValue(): string | null {
  return useSyncExternalStore(pageTitle.subscribe, pageTitle.get);
}

/** What `document.title` says: page, section, "Majlis", without repeating a part. */
export function documentTitle(page: string | null, section: string | null): string {
  const parts = [page, section, 'Majlis'].filter((part): part is string => !!part);
  return parts.filter((part, index) => parts.indexOf(part) === index).join(' · ');
}
