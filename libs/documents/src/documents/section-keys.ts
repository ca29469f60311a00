import type { ParsedSection } from './version-text';

export interface KeyedSection extends ParsedSection {
  /** Stable across versions: the same article keeps its key even when renumbered or moved. */
  readonly key: string;
}

export interface PreviousSection {
  readonly key: string;
  readonly title: string;
  readonly text: string;
}

const SAME_ARTICLE_SIMILARITY = 0.5;

/**
 * Gives each article of a new version its stable key. The first version keys articles by their number
 * ("art-3"). A later version reuses the key of the previous version's article with the same title, else of the
 * one whose words it shares most (≥ 50 %, for a renamed article); a new article gets the next unused number.
 */
export function assignSectionKeys(
  sections: readonly ParsedSection[],
  plainText: string,
  previous: readonly PreviousSection[] | null,
  usedKeys: readonly string[] = [],
): KeyedSection[] {
  if (!previous) {
    const taken: string[] = [];
    return sections.map((section) => {
      const key = uniqueKey(`art-${section.number}`, taken);
      taken.push(key);
      return { ...section, key };
    });
  }
  const available = new Map(previous.map((section) => [section.key, section]));
  const keys: (string | null)[] = sections.map((section) => {
    const sameTitle = [...available.values()].find(
      (old) => normalise(old.title) === normalise(section.title) && section.title !== '',
    );
    if (!sameTitle) return null;
    available.delete(sameTitle.key);
    return sameTitle.key;
  });
  sections.forEach((section, index) => {
    if (keys[index]) return;
    const words = wordSet(plainText.slice(section.start, section.end));
    let best: { key: string; similarity: number } | null = null;
    for (const old of available.values()) {
      const similarity = jaccard(words, wordSet(old.text));
      if (similarity >= SAME_ARTICLE_SIMILARITY && (!best || similarity > best.similarity))
        best = { key: old.key, similarity };
    }
    if (best) {
      available.delete(best.key);
      keys[index] = best.key;
    }
  });
  const taken = new Set([
    ...usedKeys,
    ...previous.map((section) => section.key),
    ...keys.filter((key): key is string => !!key),
  ]);
  let next = Math.max(0, ...[...taken].map((key) => Number(/^art-(\d+)$/.exec(key)?.[1] ?? 0))) + 1;
  return sections.map((section, index) => {
    let key = keys[index];
    if (!key) {
      key = `art-${next++}`;
      taken.add(key);
    }
    return { ...section, key };
  });
}

function uniqueKey(key: string, taken: string[]): string {
  let candidate = key;
  for (let suffix = 2; taken.includes(candidate); suffix++) candidate = `${key}-${suffix}`;
  return candidate;
}

function normalise(title: string): string {
  return title.normalize('NFC').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}
