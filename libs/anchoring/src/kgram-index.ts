/**
 * Exact-substring lookup by k-gram buckets: the positions whose k-gram lies inside the indexed
 * ranges are counting-sorted by hash bucket once (O(n), two typed arrays); a lookup probes a few
 * k-grams of the pattern, takes the smallest bucket and verifies each position.
 */

export const KGRAM = 12;
const PROBES = 3;

export class KGramIndex {
  private readonly bucketStart: Int32Array;
  private readonly positions: Int32Array;
  private readonly mask: number;

  /** Indexes every position i with [i, i + KGRAM) inside one of `ranges` (sorted, disjoint). */
  constructor(
    private readonly text: string,
    ranges: ReadonlyArray<readonly [number, number]>,
  ) {
    let count = 0;
    for (const [from, to] of ranges) count += Math.max(0, to - from - KGRAM + 1);
    let bits = 10;
    while (1 << bits < count && bits < 22) bits++;
    this.mask = (1 << bits) - 1;
    const hashes = new Int32Array(count);
    const counts = new Int32Array(this.mask + 2);
    let n = 0;
    for (const [from, to] of ranges) {
      for (let i = from; i + KGRAM <= to; i++) {
        const b = hashAt(text, i) & this.mask;
        hashes[n++] = b;
        counts[b + 1]++;
      }
    }
    for (let b = 1; b < counts.length; b++) counts[b] += counts[b - 1];
    this.bucketStart = counts.slice();
    this.positions = new Int32Array(count);
    const fill = counts;
    n = 0;
    for (const [from, to] of ranges) {
      for (let i = from; i + KGRAM <= to; i++) this.positions[fill[hashes[n++]]++] = i;
    }
  }

  /**
   * Start offsets (ascending, at most `limit`) of occurrences of `pattern` whose probed k-gram is
   * indexed. Patterns shorter than KGRAM are not supported (returns null).
   */
  find(pattern: string, limit: number): number[] | null {
    const len = pattern.length;
    if (len < KGRAM) return null;
    let bestFrom = 0;
    let bestTo = -1;
    let bestOffset = 0;
    for (let p = 0; p < PROBES; p++) {
      const offset = Math.floor(((len - KGRAM) * p) / (PROBES - 1));
      const b = hashAt(pattern, offset) & this.mask;
      const from = this.bucketStart[b];
      const to = this.bucketStart[b + 1];
      if (bestTo < 0 || to - from < bestTo - bestFrom) {
        bestFrom = from;
        bestTo = to;
        bestOffset = offset;
      }
    }
    const out: number[] = [];
    for (let k = bestFrom; k < bestTo && out.length < limit; k++) {
      const start = this.positions[k] - bestOffset;
      if (start >= 0 && this.text.startsWith(pattern, start)) out.push(start);
    }
    return out;
  }
}

function hashAt(text: string, at: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < KGRAM; i++) h = Math.imul(h ^ text.charCodeAt(at + i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}
