/**
 * Similarity (0..1) of a stored context with the text next to a candidate boundary.
 *
 * The comparison is anchored at the boundary and free at the far end: the stored prefix is
 * aligned right-to-left from `boundary`, the stored suffix left-to-right, and the window may be
 * a little longer than the context, so a word inserted in the context costs its length and not
 * the whole context. Returns null when there is no stored context (nothing to compare).
 */

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

export function prefixSimilarity(storedPrefix: string, text: string, boundary: number): number | null {
  return anchoredSimilarity(storedPrefix, text, boundary, -1);
}

export function suffixSimilarity(storedSuffix: string, text: string, boundary: number): number | null {
  return anchoredSimilarity(storedSuffix, text, boundary, 1);
}

/** `direction` -1 walks left from the boundary (prefix), +1 walks right (suffix). */
function anchoredSimilarity(stored: string, text: string, boundary: number, direction: 1 | -1): number | null {
  const m = stored.length;
  if (m === 0) return null;
  if (direction < 0 ? text.endsWith(stored, boundary) : text.startsWith(stored, boundary)) return 1;
  const available = direction < 0 ? boundary : text.length - boundary;
  const n = Math.max(0, Math.min(available, m + (m >> 2) + 2));
  if (rowA.length < n + 1) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = direction < 0 ? stored.charCodeAt(m - i) : stored.charCodeAt(i - 1);
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const tc = direction < 0 ? text.charCodeAt(boundary - j) : text.charCodeAt(boundary + j - 1);
      const sub = prev[j - 1] + (pc === tc ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  let best = m;
  for (let j = 0; j <= n; j++) if (prev[j] < best) best = prev[j];
  return 1 - best / m;
}
