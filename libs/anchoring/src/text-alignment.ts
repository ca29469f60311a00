import type { TextPositionSelector } from './anchor.types';
import type { EqualSegments } from './segment-builder';
import { diffSegments } from './segment-diff';

export interface EqualSegment {
  oldStart: number;
  newStart: number;
  length: number;
}

/** Where an old boundary lands in the new text, judged from the nearest surviving character. */
export interface BoundaryAnchor {
  /** Offset in the new text. */
  offset: number;
  /** Number of old code units between the boundary and that surviving character (0 = exact). */
  gap: number;
}

/**
 * Offset map between two versions of a text, built once. Equal segments (text that survived,
 * in place or moved as a block) are disjoint in both texts and kept in typed arrays sorted by
 * old offset, plus a permutation sorted by new offset; every query is a binary search.
 */
export class TextAlignment {
  private readonly oldStarts: Int32Array;
  private readonly newStarts: Int32Array;
  private readonly lengths: Int32Array;
  /** Segment indices by increasing new offset, and their new starts in that order. */
  private readonly byNew: Int32Array;
  private readonly newStartsByNew: Int32Array;

  constructor(
    readonly oldLength: number,
    readonly newLength: number,
    inPlace: EqualSegments,
    moved: EqualSegments = { oldStarts: new Int32Array(0), newStarts: new Int32Array(0), lengths: new Int32Array(0) },
  ) {
    const merged = mergeByOld(inPlace, moved);
    this.oldStarts = merged.oldStarts;
    this.newStarts = merged.newStarts;
    this.lengths = merged.lengths;
    const order = Array.from({ length: this.lengths.length }, (_, k) => k).sort(
      (x, y) => this.newStarts[x] - this.newStarts[y],
    );
    this.byNew = Int32Array.from(order);
    this.newStartsByNew = Int32Array.from(order, (k) => this.newStarts[k]);
  }

  get segmentCount(): number {
    return this.lengths.length;
  }

  /** Segment `index` in old-text order. */
  segment(index: number): EqualSegment {
    return { oldStart: this.oldStarts[index], newStart: this.newStarts[index], length: this.lengths[index] };
  }

  /**
   * New offset of the old character at `oldOffset`, or null if that character was deleted or
   * replaced. `oldOffset === oldLength` (end of text) maps to `newLength`.
   */
  mapOffset(oldOffset: number): number | null {
    if (oldOffset === this.oldLength) return this.newLength;
    if (!Number.isInteger(oldOffset) || oldOffset < 0 || oldOffset > this.oldLength) return null;
    const k = lastAtOrBefore(this.oldStarts, oldOffset);
    if (k < 0 || oldOffset >= this.oldStarts[k] + this.lengths[k]) return null;
    return this.newStarts[k] + (oldOffset - this.oldStarts[k]);
  }

  /** True when every character of the non-empty old range [start, end) survives, contiguously. */
  isRangeUnchanged(start: number, end: number): boolean {
    return this.mapUnchangedRange(start, end) !== null;
  }

  /** New range of an unchanged old range, or null if any part of it was edited. */
  mapUnchangedRange(start: number, end: number): TextPositionSelector | null {
    if (!(start < end) || start < 0 || end > this.oldLength) return null;
    const k = lastAtOrBefore(this.oldStarts, start);
    if (k < 0 || end > this.oldStarts[k] + this.lengths[k]) return null;
    const delta = this.newStarts[k] - this.oldStarts[k];
    return { start: start + delta, end: end + delta };
  }

  /** Where the old boundary `oldOffset` falls, judged from the last surviving character before it. */
  anchorBefore(oldOffset: number): BoundaryAnchor {
    const k = lastAtOrBefore(this.oldStarts, oldOffset - 1);
    if (k < 0) return { offset: 0, gap: oldOffset };
    const lastAligned = Math.min(oldOffset - 1, this.oldStarts[k] + this.lengths[k] - 1);
    return { offset: this.newStarts[k] + (lastAligned - this.oldStarts[k]) + 1, gap: oldOffset - lastAligned - 1 };
  }

  /** Where the old boundary `oldOffset` falls, judged from the first surviving character after it. */
  anchorAfter(oldOffset: number): BoundaryAnchor {
    let k = lastAtOrBefore(this.oldStarts, oldOffset);
    if (k < 0 || oldOffset >= this.oldStarts[k] + this.lengths[k]) k += 1;
    if (k >= this.lengths.length) return { offset: this.newLength, gap: this.oldLength - oldOffset };
    const firstAligned = Math.max(oldOffset, this.oldStarts[k]);
    return { offset: this.newStarts[k] + (firstAligned - this.oldStarts[k]), gap: firstAligned - oldOffset };
  }

  /** Number of old characters of [start, end) that survive in the new text. */
  survivingInOld(start: number, end: number): number {
    let total = 0;
    for (
      let k = Math.max(0, lastAtOrBefore(this.oldStarts, start));
      k < this.lengths.length && this.oldStarts[k] < end;
      k++
    ) {
      total += Math.max(0, Math.min(end, this.oldStarts[k] + this.lengths[k]) - Math.max(start, this.oldStarts[k]));
    }
    return total;
  }

  /**
   * Provenance of the new range [start, end): how many of its characters come from old text at
   * all, and how many come from the old range [ownStart, ownEnd).
   */
  originsInNew(start: number, end: number, ownStart: number, ownEnd: number): { aligned: number; own: number } {
    let aligned = 0;
    let own = 0;
    this.forEachInNew(start, end, (s, e, delta) => {
      aligned += e - s;
      own += Math.max(0, Math.min(e + delta, ownEnd) - Math.max(s + delta, ownStart));
    });
    return { aligned, own };
  }

  /**
   * Strongest claim of other old text on the new range [start, end): the length of the longest
   * segment overlapping it whose old side lies outside [ownStart, ownEnd) (0 if none).
   */
  longestForeignSegment(start: number, end: number, ownStart: number, ownEnd: number): number {
    let longest = 0;
    this.forEachInNew(start, end, (s, e, delta, length) => {
      const ownPart = Math.max(0, Math.min(e + delta, ownEnd) - Math.max(s + delta, ownStart));
      if (ownPart < e - s && length > longest) longest = length;
    });
    return longest;
  }

  /** Old ranges not covered by any segment (deleted or replaced text), in order. */
  gapsInOld(): Array<[number, number]> {
    const gaps: Array<[number, number]> = [];
    let from = 0;
    for (let k = 0; k < this.lengths.length; k++) {
      if (this.oldStarts[k] > from) gaps.push([from, this.oldStarts[k]]);
      from = this.oldStarts[k] + this.lengths[k];
    }
    if (from < this.oldLength) gaps.push([from, this.oldLength]);
    return gaps;
  }

  /** Calls `fn(s, e, oldMinusNew, segmentLength)` for each part of a segment inside new [start, end). */
  private forEachInNew(
    start: number,
    end: number,
    fn: (s: number, e: number, delta: number, length: number) => void,
  ): void {
    for (
      let r = Math.max(0, lastAtOrBefore(this.newStartsByNew, start));
      r < this.byNew.length && this.newStartsByNew[r] < end;
      r++
    ) {
      const k = this.byNew[r];
      const s = Math.max(start, this.newStarts[k]);
      const e = Math.min(end, this.newStarts[k] + this.lengths[k]);
      if (e > s) fn(s, e, this.oldStarts[k] - this.newStarts[k], this.lengths[k]);
    }
  }
}

/** Aligns two versions of a text once: multi-level diff, then detection of moved blocks. */
export function alignTexts(oldText: string, newText: string): TextAlignment {
  const { inPlace, moved } = diffSegments(oldText, newText);
  return new TextAlignment(oldText.length, newText.length, inPlace, moved);
}

/** Index of the last entry of the sorted array `starts` that is ≤ offset, or -1. */
function lastAtOrBefore(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function mergeByOld(x: EqualSegments, y: EqualSegments): EqualSegments {
  const n = x.lengths.length + y.lengths.length;
  const out = { oldStarts: new Int32Array(n), newStarts: new Int32Array(n), lengths: new Int32Array(n) };
  for (let i = 0, j = 0, k = 0; k < n; k++) {
    const fromX = j >= y.lengths.length || (i < x.lengths.length && x.oldStarts[i] <= y.oldStarts[j]);
    const src = fromX ? x : y;
    const idx = fromX ? i++ : j++;
    out.oldStarts[k] = src.oldStarts[idx];
    out.newStarts[k] = src.newStarts[idx];
    out.lengths[k] = src.lengths[idx];
  }
  return out;
}
