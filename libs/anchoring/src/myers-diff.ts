import type { DiffRun } from './diff-runs';

/**
 * Myers' O(ND) greedy diff of two integer sequences (token codes), giving up when more than
 * `maxD` insertions + deletions are needed. Rewritten passages need a huge D and carry no
 * alignment worth having, so capping D bounds the cost at O((N + M) · maxD) without losing the
 * cheap, valuable cases (a few words changed). Returns null when the cap is exceeded.
 */
export function myersDiff(a: Int32Array, b: Int32Array, maxD: number): DiffRun[] | null {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  const middle = n === 0 || m === 0 ? [] : middleDiff(a, b, pre, n, m, maxD);
  if (middle === null) return null;
  if (n + m > 0 && (n === 0 || m === 0)) {
    if (n + m > maxD) return null;
    middle.push({ equal: false, aFrom: pre, aTo: pre + n, bFrom: pre, bTo: pre + m });
  }
  const runs: DiffRun[] = [];
  const push = (r: DiffRun): void => {
    if (r.aTo === r.aFrom && r.bTo === r.bFrom) return;
    const last = runs[runs.length - 1];
    if (last && last.equal === r.equal) {
      last.aTo = r.aTo;
      last.bTo = r.bTo;
    } else {
      runs.push({ ...r });
    }
  };
  push({ equal: true, aFrom: 0, aTo: pre, bFrom: 0, bTo: pre });
  for (const r of middle) push(r);
  push({ equal: true, aFrom: pre + n, aTo: a.length, bFrom: pre + m, bTo: b.length });
  return runs;
}

/** Greedy forward Myers on a[off, off+n) vs b[off, off+m), with a trace of V per step for backtracking. */
function middleDiff(a: Int32Array, b: Int32Array, off: number, n: number, m: number, maxD: number): DiffRun[] | null {
  const limit = Math.min(maxD, n + m);
  const size = 2 * limit + 3;
  const center = limit + 1;
  const v = new Int32Array(size);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(center - d - 1, center + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[center + k - 1] < v[center + k + 1]) ? v[center + k + 1] : v[center + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[off + x] === b[off + y]) {
        x++;
        y++;
      }
      v[center + k] = x;
      if (x >= n && y >= m) return backtrack(trace, off, n, m, d);
    }
  }
  return null;
}

/** Rebuilds the edit path from the V snapshots (trace[d] holds V before step d, for k in [-d-1, d+1]). */
function backtrack(trace: Int32Array[], off: number, n: number, m: number, dEnd: number): DiffRun[] {
  const reversed: DiffRun[] = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const before = trace[d]; // V after step d-1, indexed k + d + 1
    const k = x - y;
    const at = (kk: number): number => before[kk + d + 1];
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const startX = down ? prevX : prevX + 1;
    const startY = startX - k;
    if (x > startX)
      reversed.push({ equal: true, aFrom: off + startX, aTo: off + x, bFrom: off + startY, bTo: off + y });
    if (down)
      reversed.push({ equal: false, aFrom: off + prevX, aTo: off + prevX, bFrom: off + prevY, bTo: off + startY });
    else reversed.push({ equal: false, aFrom: off + prevX, aTo: off + startX, bFrom: off + prevY, bTo: off + prevY });
    x = prevX;
    y = prevY;
  }
  if (x > 0) reversed.push({ equal: true, aFrom: off, aTo: off + x, bFrom: off, bTo: off + y });
  return reversed.reverse();
}
