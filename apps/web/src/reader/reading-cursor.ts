/**
 * The keyboard reading cursor: a selection in the plain text that moves by word or by sentence (Intl.Segmenter,
 * so Arabic and French words and sentences are cut by the language's own rules). Pure functions; the reader
 * binds them to keys (see KEYS below and the help shown in the reader).
 */
export interface Cursor {
  readonly start: number;
  readonly end: number;
  /** Where an extension started (Shift held): the fixed end of the selection. */
  readonly anchor: number;
}

export interface Units {
  readonly words: readonly (readonly [number, number])[];
  readonly sentences: readonly (readonly [number, number])[];
}

export function segmentText(text: string, locale: string): Units {
  const words: [number, number][] = [];
  for (const segment of new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)) {
    if (segment.isWordLike) words.push([segment.index, segment.index + segment.segment.length]);
  }
  const sentences: [number, number][] = [];
  for (const segment of new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(text)) {
    // Blocks are separated by blank lines: a sentence never runs across them.
    let offset = segment.index;
    for (const piece of segment.segment.split(/(\n\n+)/)) {
      const trimmedStart = offset + (piece.length - piece.trimStart().length);
      const trimmedEnd = offset + piece.trimEnd().length;
      if (trimmedEnd > trimmedStart && piece.trim()) sentences.push([trimmedStart, trimmedEnd]);
      offset += piece.length;
    }
  }
  return { words, sentences };
}

function unitIndexAt(units: readonly (readonly [number, number])[], offset: number): number {
  let low = 0;
  let high = units.length - 1;
  let best = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (units[middle][0] <= offset) {
      best = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return best;
}

export type Move = 'next-word' | 'previous-word' | 'next-sentence' | 'previous-sentence';

/** Moves (or, with `extend`, stretches) the cursor; the result always covers whole units. */
export function moveCursor(cursor: Cursor | null, units: Units, move: Move, extend: boolean): Cursor | null {
  const list = move.endsWith('word') ? units.words : units.sentences;
  if (list.length === 0) return cursor;
  const forward = move.startsWith('next');
  if (!cursor) {
    const [start, end] = list[0];
    return { start, end, anchor: start };
  }
  if (!extend) {
    const here = unitIndexAt(list, forward ? cursor.end - 1 : cursor.start);
    const current = list[here];
    let target = forward ? here + 1 : here - 1;
    // Moving back from inside a unit first goes to that unit's start.
    if (!forward && current[0] < cursor.start) target = here;
    const [start, end] = list[Math.min(list.length - 1, Math.max(0, target))];
    return { start, end, anchor: start };
  }
  // Extending: the side away from the anchor moves by one unit (and crosses over it when shrunk past it).
  const anchor = cursor.anchor;
  const anchorEnd = list[unitIndexAt(list, anchor)][1];
  const starts = list.map((unit) => unit[0]);
  const ends = list.map((unit) => unit[1]);
  const lastBefore = (values: number[], limit: number) => [...values].reverse().find((value) => value < limit);
  if (cursor.start >= anchor) {
    if (forward) return { start: anchor, end: ends.find((end) => end > cursor.end) ?? cursor.end, anchor };
    const end = lastBefore(ends, cursor.end);
    if (end !== undefined && end > anchor) return { start: anchor, end, anchor };
    const start = lastBefore(starts, anchor);
    return start === undefined ? cursor : { start, end: anchorEnd, anchor };
  }
  if (!forward) return { start: lastBefore(starts, cursor.start) ?? cursor.start, end: anchorEnd, anchor };
  const start = starts.find((value) => value > cursor.start);
  if (start !== undefined && start <= anchor) return { start, end: anchorEnd, anchor };
  return { start: anchor, end: ends.find((end) => end > anchorEnd) ?? anchorEnd, anchor };
}

/** The cursor placed on the first word at or after an offset (e.g. the start of an article). */
export function cursorAt(units: Units, offset: number): Cursor | null {
  const word = units.words.find(([, end]) => end > offset) ?? units.words[units.words.length - 1];
  return word ? { start: word[0], end: word[1], anchor: word[0] } : null;
}

/** Keys, as documented in the reader's help (arrows follow the reading direction in Arabic). */
export const KEYS = {
  nextWord: 'ArrowRight / ArrowLeft',
  sentence: 'ArrowDown / ArrowUp',
  extend: 'Shift',
  annotate: 'Enter',
  nextHighlight: ']',
  previousHighlight: '[',
  close: 'Escape',
  help: '?',
} as const;
