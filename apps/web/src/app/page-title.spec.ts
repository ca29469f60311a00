import { currentEntry, type NavigationEntry } from './navigation';
import { documentTitle } from './page-title';

describe('where one is', () => {
  it('titles the page as "page · section · Majlis", without repeating a part', () => {
    expect(documentTitle('Mon profil', null)).toBe('Mon profil · Majlis');
    expect(documentTitle('Circulaire 15/2025', 'Documents')).toBe('Circulaire 15/2025 · Documents · Majlis');
    expect(documentTitle(null, 'Documents')).toBe('Documents · Majlis');
    expect(documentTitle('Documents', 'Documents')).toBe('Documents · Majlis');
    expect(documentTitle(null, null)).toBe('Majlis');
  });

  it('finds the current section by the longest prefix, "/" only for itself', () => {
    const entries: NavigationEntry[] = [
      { to: '/', messageId: 'nav.documents', match: ['/', '/read/'] },
      { to: '/spaces', messageId: 'nav.spaces', match: ['/spaces', '/threads/'] },
    ];
    expect(currentEntry('/', entries)?.to).toBe('/');
    expect(currentEntry('/read/d1/2', entries)?.to).toBe('/');
    expect(currentEntry('/threads/t1', entries)?.to).toBe('/spaces');
    expect(currentEntry('/account', entries)).toBeUndefined();
  });
});
