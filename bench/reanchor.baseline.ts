/**
 * Naive baseline: first exact occurrence of the quote anywhere in the new text; otherwise the
 * best approximate match of the quote alone over the whole new text (max errors = 25% of its length).
 */
import search from 'approx-string-match';
import type { AnchorTarget } from '@majlis/anchoring';
import type { Outcome } from './reanchor.evaluate';

export function baselineReanchor(targets: readonly AnchorTarget[], newText: string): Outcome[] {
  return targets.map((t) => {
    const { exact } = t.quote;
    const i = newText.indexOf(exact);
    if (i !== -1)
      return { status: i === t.position.start ? 'EXACT' : 'MOVED', position: { start: i, end: i + exact.length } };
    const matches = search(newText, exact, Math.floor(exact.length * 0.25));
    if (matches.length === 0) return { status: 'ORPHANED', position: null };
    const best = matches.reduce((a, b) => (b.errors < a.errors ? b : a));
    return { status: 'FUZZY', position: { start: best.start, end: best.end } };
  });
}
