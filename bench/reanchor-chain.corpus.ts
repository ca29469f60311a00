/**
 * Hidden-truth corpus for re-anchoring across FIVE versions: a regulatory-style text of articles, annotations
 * made on version 1, and four edit steps (words changed inside and right next to annotated passages, articles
 * deleted, moved and inserted; in the last step half of the edited passages restored to what was quoted). Every
 * edit is tracked, so the final position of each passage in version 5, and whether its text is still what was
 * quoted, are known.
 */
import { describeSelection, type AnchorTarget, type TextPositionSelector } from '@majlis/anchoring';
import { articleBody, Rng } from './reanchor.corpus';
import { REPLACEMENTS } from './reanchor.vocabulary';

/** unchanged: never edited; restored: edited, then returned to the quote; edited: differs in v5; deleted: gone. */
export type ChainClass = 'unchanged' | 'restored' | 'edited' | 'deleted';
export const CHAIN_CLASSES: readonly ChainClass[] = ['unchanged', 'restored', 'edited', 'deleted'];

export interface ChainAnnotation {
  target: AnchorTarget;
  cls: ChainClass;
  /** The passage's range in version 5 (null when its article was deleted). */
  truth: TextPositionSelector | null;
  /** The status a reader should see on version 5, judged against the quote. */
  expectedStatus: 'EXACT' | 'MOVED' | 'FUZZY' | 'ORPHANED';
}

export interface ChainCorpus {
  /** Versions 1 to 5. */
  texts: string[];
  annotations: ChainAnnotation[];
}

interface Tracked {
  article: ChainArticle;
  start: number; // relative to the article text
  end: number;
  original: string;
  originalStart: number; // absolute, in version 1
  edited: boolean;
}

interface ChainArticle {
  text: string;
  headerLength: number;
  deleted: boolean;
}

function wordsOf(article: ChainArticle): { start: number; end: number }[] {
  return [...article.text.matchAll(/\p{L}+/gu)]
    .map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }))
    .filter((w) => w.start >= article.headerLength);
}

/** Replaces article.text[at, at + oldLength) by `text`, moving every tracked passage of the article with it. */
function edit(tracked: readonly Tracked[], article: ChainArticle, at: number, oldLength: number, text: string): void {
  article.text = article.text.slice(0, at) + text + article.text.slice(at + oldLength);
  const delta = text.length - oldLength;
  for (const t of tracked) {
    if (t.article !== article || at >= t.end) continue;
    if (at + oldLength <= t.start) {
      t.start += delta;
      t.end += delta;
    } else if (at >= t.start && at + oldLength <= t.end) {
      t.end += delta;
      t.edited = true;
    } else throw new Error('an edit straddles a passage boundary');
  }
}

function replaceWord(
  rng: Rng,
  tracked: readonly Tracked[],
  article: ChainArticle,
  word: { start: number; end: number },
) {
  let replacement = rng.pick(REPLACEMENTS);
  if (replacement === article.text.slice(word.start, word.end)) replacement = `${replacement}s`;
  edit(tracked, article, word.start, word.end - word.start, replacement);
}

export const CHAIN_SEED = 20251201;

export function buildChainCorpus(seed = CHAIN_SEED, targetSize = 120_000, perArticle = 4): ChainCorpus {
  const rng = new Rng(seed);
  let order: ChainArticle[] = [];
  let size = 0;
  for (let n = 1; size < targetSize; n++) {
    const header = `Article ${n}\n`;
    const article = { text: header + articleBody(rng, n + 10) + '\n', headerLength: header.length, deleted: false };
    order.push(article);
    size += article.text.length;
  }

  // Annotations on version 1: word-aligned, non-overlapping passages of 3 to 25 words.
  const tracked: Tracked[] = [];
  let offset = 0;
  for (const article of order) {
    const words = wordsOf(article);
    for (let k = 0; k < perArticle; k++) {
      const first = rng.int(0, words.length - 1);
      const last = Math.min(words.length - 1, first + rng.int(2, 24));
      const start = words[first].start;
      const end = words[last].end;
      if (tracked.some((t) => t.article === article && t.start < end + 1 && start < t.end + 1)) continue;
      tracked.push({
        article,
        start,
        end,
        original: article.text.slice(start, end),
        originalStart: offset + start,
        edited: false,
      });
    }
    offset += article.text.length;
  }
  const v1 = order.map((a) => a.text).join('');
  const targets = tracked.map((t) => describeSelection(v1, t.originalStart, t.originalStart + t.original.length));
  const texts = [v1];
  let inserted = 0;

  for (let step = 2; step <= 5; step++) {
    const live = tracked.filter((t) => !t.article.deleted);
    // Words changed inside passages, and right before or after others (their context).
    for (const t of live) {
      const editInside = rng.chance(0.12);
      if (editInside) {
        const inside = wordsOf(t.article).filter((w) => w.start >= t.start && w.end <= t.end);
        replaceWord(rng, tracked, t.article, rng.pick(inside));
      } else if (rng.chance(0.12)) {
        const words = wordsOf(t.article);
        const next = rng.chance(0.5)
          ? words.find((w) => w.start > t.end)
          : [...words].reverse().find((w) => w.end < t.start);
        const inOther =
          next && tracked.some((o) => o !== t && o.article === t.article && next.start < o.end && o.start < next.end);
        if (next && !inOther) replaceWord(rng, tracked, t.article, next);
      }
    }
    // The last version restores half of the edited passages to what was quoted.
    if (step === 5) {
      for (const t of live) {
        const current = t.article.text.slice(t.start, t.end);
        if (current !== t.original && rng.chance(0.5)) {
          edit(tracked, t.article, t.start, t.end - t.start, t.original);
          t.edited = false;
          (t as Tracked & { restored?: boolean }).restored = true;
        }
      }
    }
    // Articles deleted, moved far away, inserted.
    for (const article of order) if (rng.chance(0.02)) article.deleted = true;
    order = order.filter((a) => !a.deleted);
    for (let moves = Math.round(order.length * 0.03); moves > 0; moves--) {
      const from = rng.int(0, order.length - 1);
      const [article] = order.splice(from, 1);
      let to = rng.int(0, order.length);
      while (Math.abs(to - from) < 5) to = rng.int(0, order.length);
      order.splice(to, 0, article);
    }
    for (let k = Math.round(order.length * 0.02); k > 0; k--) {
      const header = `Article ${++inserted} ter\n`;
      order.splice(rng.int(0, order.length), 0, {
        text: header + articleBody(rng, 40) + '\n',
        headerLength: header.length,
        deleted: false,
      });
    }
    texts.push(order.map((a) => a.text).join(''));
  }

  const starts = new Map<ChainArticle, number>();
  let at = 0;
  for (const article of order) {
    starts.set(article, at);
    at += article.text.length;
  }
  const annotations = tracked.map((t, index): ChainAnnotation => {
    const target = targets[index];
    if (t.article.deleted) return { target, cls: 'deleted', truth: null, expectedStatus: 'ORPHANED' };
    const truth = { start: starts.get(t.article)! + t.start, end: starts.get(t.article)! + t.end };
    const same = t.article.text.slice(t.start, t.end) === t.original;
    const restored = (t as Tracked & { restored?: boolean }).restored === true;
    return {
      target,
      cls: same ? (restored ? 'restored' : 'unchanged') : 'edited',
      truth,
      expectedStatus: same ? (truth.start === t.originalStart ? 'EXACT' : 'MOVED') : 'FUZZY',
    };
  });
  return { texts, annotations };
}
