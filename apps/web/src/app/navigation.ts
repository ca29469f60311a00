/**
 * The header's main sections, one line per area. `match` is the path prefix under which the entry is the current
 * page (`aria-current="page"`); `visible` hides an entry from people who can't use it (the API still decides).
 */
export interface NavigationEntry {
  readonly to: string;
  readonly messageId: string;
  readonly match: readonly string[];
  readonly visible?: (viewer: NavigationViewer) => boolean;
}

export interface NavigationViewer {
  readonly platformRole?: string | null;
}

export const NAVIGATION: readonly NavigationEntry[] = [
  { to: '/', messageId: 'nav.documents', match: ['/', '/read/'] },
  { to: '/spaces', messageId: 'nav.spaces', match: ['/spaces', '/threads/', '/whats-new'] },
  { to: '/consultations', messageId: 'nav.consultations', match: ['/consultations', '/verify-receipt'] },
  {
    to: '/console',
    messageId: 'nav.console',
    match: ['/console'],
    visible: (viewer) => viewer.platformRole === 'MODERATOR' || viewer.platformRole === 'ADMIN',
  },
];

/** The entry for `pathname`: the longest matching prefix wins, `/` only matches itself. */
export function currentEntry(pathname: string, entries: readonly NavigationEntry[] = NAVIGATION) {
  let best: { entry: NavigationEntry; length: number } | undefined;
  for (const entry of entries) {
    for (const prefix of entry.match) {
      const hit = prefix === '/' ? pathname === '/' : pathname === prefix || pathname.startsWith(prefix);
      if (hit && (!best || prefix.length > best.length)) best = { entry, length: prefix.length };
    }
  }
  return best?.entry;
}
