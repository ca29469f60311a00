import { act, renderHook } from '@testing-library/react';
import { readDraft, useDraft } from './drafts';

const EMPTY = { motivation: 'COMMENTING', body: '' };

beforeEach(() => window.localStorage.clear());

describe('useDraft', () => {
  it('stores what is typed at once and gives it back to the next form with the same key', () => {
    const first = renderHook(() => useDraft('k1', EMPTY));
    act(() => first.result.current.update({ body: 'Mon texte' }));
    expect(readDraft('k1')).toEqual({ motivation: 'COMMENTING', body: 'Mon texte' });
    first.unmount();
    const second = renderHook(() => useDraft('k1', EMPTY));
    expect(second.result.current.value.body).toBe('Mon texte');
    expect(second.result.current.restored).toBe(true);
  });

  it('does not store a draft left as it started, and forgets it when cleared even if the form closes at once', () => {
    const { result, unmount } = renderHook(() => useDraft('k2', EMPTY));
    act(() => result.current.update({ body: '   ' }));
    expect(readDraft('k2')).toBeNull();
    act(() => result.current.update({ body: 'x' }));
    act(() => {
      result.current.clear();
    });
    unmount();
    expect(readDraft('k2')).toBeNull();
  });

  it('reads the draft of the new key when the key changes (another passage)', () => {
    window.localStorage.setItem('majlis.draft.k4', JSON.stringify({ body: 'sur le passage 4' }));
    const { result, rerender } = renderHook(({ key }) => useDraft(key, EMPTY), { initialProps: { key: 'k3' } });
    expect(result.current.value.body).toBe('');
    rerender({ key: 'k4' });
    expect(result.current.value).toEqual({ motivation: 'COMMENTING', body: 'sur le passage 4' });
  });

  it('keeps working in memory when storage refuses to write (full, or disabled)', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const { result } = renderHook(() => useDraft('k5', EMPTY));
    act(() => result.current.update({ body: 'gardé en mémoire' }));
    expect(result.current.value.body).toBe('gardé en mémoire');
    setItem.mockRestore();
  });
});
