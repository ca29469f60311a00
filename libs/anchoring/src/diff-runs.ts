import fastDiff from 'fast-diff';
import type { TokenEncoder, Tokens } from './tokenize';

/**
 * A run of a token diff: equal tokens a[aFrom, aTo) = b[bFrom, bTo), or a change replacing
 * a[aFrom, aTo) by b[bFrom, bTo) (either side may be empty).
 */
export interface DiffRun {
  equal: boolean;
  aFrom: number;
  aTo: number;
  bFrom: number;
  bTo: number;
}

/** Token diff of a[aFrom, aTo) and b[bFrom, bTo) as alternating equal / change runs. */
export function diffTokens(
  a: Tokens,
  b: Tokens,
  aFrom: number,
  aTo: number,
  bFrom: number,
  bTo: number,
  encoder: TokenEncoder,
): DiffRun[] {
  const diffs = fastDiff(encoder.encode(a.words, aFrom, aTo), encoder.encode(b.words, bFrom, bTo));
  const runs: DiffRun[] = [];
  let i = aFrom;
  let j = bFrom;
  for (const [op, units] of diffs) {
    const n = units.length;
    const equal = op === fastDiff.EQUAL;
    const last = runs[runs.length - 1];
    const ni = op === fastDiff.INSERT ? i : i + n;
    const nj = op === fastDiff.DELETE ? j : j + n;
    if (last && !last.equal && !equal) {
      last.aTo = ni;
      last.bTo = nj;
    } else {
      runs.push({ equal, aFrom: i, aTo: ni, bFrom: j, bTo: nj });
    }
    i = ni;
    j = nj;
  }
  return runs;
}

/**
 * Dissolves weak equalities: an equal run shorter than `cap` code units that is no longer than
 * the changes on both sides of it is coincidental (a shared "de la" or "4. " inside rewritten
 * text) and is merged into one change with its neighbours. Like diff-match-patch's semantic
 * cleanup, but an equality of `cap` code units or more is always kept as evidence.
 */
export function dissolveWeakEqualities(runs: DiffRun[], a: Tokens, b: Tokens, cap: number): DiffRun[] {
  const out: DiffRun[] = [];
  const chars = (r: DiffRun): number =>
    Math.max(a.starts[r.aTo] - a.starts[r.aFrom], b.starts[r.bTo] - b.starts[r.bFrom]);
  for (const run of runs) {
    let current = { ...run };
    if (!current.equal) {
      // current is a change: while [change, equal(weak), current] sits on top, merge the three.
      while (out.length >= 2) {
        const eq = out[out.length - 1];
        const before = out[out.length - 2];
        if (before.equal || !eq.equal) break;
        const len = chars(eq);
        if (len >= cap || len > chars(before) || len > chars(current)) break;
        out.length -= 2;
        current = { equal: false, aFrom: before.aFrom, aTo: current.aTo, bFrom: before.bFrom, bTo: current.bTo };
      }
    }
    out.push(current);
  }
  return out;
}
