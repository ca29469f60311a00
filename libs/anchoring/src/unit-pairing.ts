/**
 * Pairs the changed sentences of a hunk with their edited versions. Inside a hunk (old units
 * replaced by new units), a unit edited by a word or two still shares most of its words with its
 * new version, while rewritten or unrelated sentences do not. A monotone pairing maximising the
 * total similarity (LCS-style dynamic programming) is computed; only paired units are then
 * aligned word by word — cheap, and no coincidental alignment across unrelated sentences.
 */

/** Hunks with more unit pairs than this are left unaligned (giant rewrites). */
const MAX_CELLS = 400_000;

/**
 * `a[i]` / `b[j]`: sorted word codes (a multiset) of each unit. Returns index pairs [i, j],
 * increasing in both, with similarity ≥ minSimilarity.
 */
export function pairSimilarUnits(
  a: readonly Int32Array[],
  b: readonly Int32Array[],
  minSimilarity: number,
): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) return [];
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  const move = new Uint8Array((n + 1) * width); // 0: skip a, 1: skip b, 2: pair
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const up = best[(i - 1) * width + j];
      const left = best[i * width + j - 1];
      let value = up;
      let choice = 0;
      if (left > value) {
        value = left;
        choice = 1;
      }
      const sim = similarity(a[i - 1], b[j - 1], minSimilarity);
      if (sim >= minSimilarity && best[(i - 1) * width + j - 1] + sim > value) {
        value = best[(i - 1) * width + j - 1] + sim;
        choice = 2;
      }
      best[i * width + j] = value;
      move[i * width + j] = choice;
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = n, j = m; i > 0 && j > 0;) {
    const choice = move[i * width + j];
    if (choice === 2) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (choice === 0) {
      i--;
    } else {
      j--;
    }
  }
  return pairs.reverse();
}

/** Shared words / words of the longer unit (multisets); 0 when it cannot reach `min`. */
export function similarity(x: Int32Array, y: Int32Array, min: number): number {
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 1;
  if (Math.min(x.length, y.length) < min * longer) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) {
      shared++;
      i++;
      j++;
    } else if (x[i] < y[j]) {
      i++;
    } else {
      j++;
    }
  }
  return shared / longer;
}
