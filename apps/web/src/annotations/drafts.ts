import { useCallback, useRef, useState } from 'react';

/**
 * Nothing a person typed is lost: drafts live in localStorage under a key that names what they answer
 * (a passage of a version, a reply to a comment, an edit), until they are posted. Storage can be full or
 * disabled (private browsing): then the draft simply lives in memory.
 */
const PREFIX = 'majlis.draft.';

export function readDraft<T>(key: string): T | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

export function writeDraft<T>(key: string, value: T | null): void {
  try {
    if (value === null) window.localStorage.removeItem(PREFIX + key);
    else window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Quota or disabled storage: the draft stays in memory only.
  }
}

/** A short, stable digest of a string (FNV-1a), to key drafts by the passage's text without storing it twice. */
export function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export interface Draft<T> {
  readonly value: T;
  /** Whether the value came back from storage (a draft typed earlier). */
  readonly restored: boolean;
  update(change: Partial<T>): void;
  /** Forget the draft (after it was posted, or when the person discards it). */
  clear(): void;
}

/** Nothing worth keeping: every field as it started, or blank. */
const isEmpty = <T extends object>(value: T, empty: T): boolean =>
  (Object.keys(value) as (keyof T)[]).every((field) => {
    const current = value[field];
    return current === empty[field] || (typeof current === 'string' && current.trim() === '');
  });

/**
 * A form's state kept in localStorage under `key` as it is typed. A draft left as it started (or blank) is
 * not stored. When `key` changes (another passage), the draft for the new key is read.
 */
export function useDraft<T extends object>(key: string, empty: T): Draft<T> {
  const load = (): DraftState<T> => {
    const stored = readDraft<T>(key);
    return stored ? { key, value: { ...empty, ...stored }, restored: true } : { key, value: empty, restored: false };
  };
  const [state, setState] = useState(load);
  const blank = useRef(empty);
  let current = state;
  if (state.key !== key) {
    current = load();
    setState(current);
  }
  // Storage is written at once (not in a state updater), so that a form closed right after posting still
  // forgets its draft, and two changes in one tick compose.
  const live = useRef(current);
  live.current = current;
  const update = useCallback((change: Partial<T>) => {
    const value = { ...live.current.value, ...change };
    live.current = { ...live.current, value };
    writeDraft(live.current.key, isEmpty(value, blank.current) ? null : value);
    setState(live.current);
  }, []);
  const clear = useCallback(() => {
    writeDraft(live.current.key, null);
    live.current = { key: live.current.key, value: blank.current, restored: false };
    setState(live.current);
  }, []);
  return { value: current.value, restored: current.restored, update, clear };
}

interface DraftState<T> {
  readonly key: string;
  readonly value: T;
  readonly restored: boolean;
}
