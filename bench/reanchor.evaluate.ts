/** Scoring of re-anchoring results against the benchmark truth. */
import type { TextPositionSelector } from '@majlis/anchoring';
import { CLASSES, type ArticleClass, type BenchAnnotation } from './reanchor.corpus';

export type Outcome = { status: string; position: TextPositionSelector | null };

export interface ClassReport {
  total: number;
  correct: number;
  orphaned: number;
  wrong: number;
  byStatus: Record<string, number>;
  /** heavy only: anchored inside the rewritten article (counted as correct). */
  insideRewritten: number;
}

function overlap(a: TextPositionSelector, b: TextPositionSelector): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * unchanged / moved / light: correct = EXACT/MOVED on exactly the true range, or FUZZY whose
 *   overlap with the true range is ≥ 90% of the longer of the two; ORPHANED = missed; else wrong.
 * deleted: correct = ORPHANED; anything anchored is wrong.
 * heavy: correct = ORPHANED, or anchored inside the rewritten article; anchored elsewhere is wrong.
 */
export function judge(a: BenchAnnotation, r: Outcome): 'correct' | 'orphaned' | 'wrong' {
  if (r.position === null) return a.truth === null ? 'correct' : 'orphaned';
  if (a.cls === 'deleted') return 'wrong';
  if (a.cls === 'heavy') {
    const w = a.rewritten!;
    return r.position.start >= w.start && r.position.end <= w.end ? 'correct' : 'wrong';
  }
  const t = a.truth!;
  if (r.status !== 'FUZZY') return r.position.start === t.start && r.position.end === t.end ? 'correct' : 'wrong';
  const longest = Math.max(t.end - t.start, r.position.end - r.position.start);
  return overlap(t, r.position) >= 0.9 * longest ? 'correct' : 'wrong';
}

export function evaluate(
  annotations: readonly BenchAnnotation[],
  results: readonly Outcome[],
): Record<ArticleClass, ClassReport> {
  const report = Object.fromEntries(
    CLASSES.map((c) => [c, { total: 0, correct: 0, orphaned: 0, wrong: 0, byStatus: {}, insideRewritten: 0 }]),
  ) as Record<ArticleClass, ClassReport>;
  annotations.forEach((a, i) => {
    const r = results[i];
    const rep = report[a.cls];
    rep.total++;
    rep.byStatus[r.status] = (rep.byStatus[r.status] ?? 0) + 1;
    const verdict = judge(a, r);
    rep[verdict]++;
    if (a.cls === 'heavy' && r.position !== null && verdict === 'correct') rep.insideRewritten++;
    if (verdict === 'correct' && r.position === null && a.truth === null) rep.orphaned++;
  });
  return report;
}

export function printReport(title: string, report: Record<ArticleClass, ClassReport>): void {
  console.log(`\n${title}`);
  console.log('  class      n      correct          orphaned  wrong   statuses');
  let wrong = 0;
  for (const c of CLASSES) {
    const r = report[c];
    wrong += r.wrong;
    const pct = r.total ? ((100 * r.correct) / r.total).toFixed(2) : '-';
    const statuses = Object.entries(r.byStatus)
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([s, n]) => `${s}:${n}`)
      .join(' ');
    const extra = c === 'heavy' ? ` (of which ${r.insideRewritten} anchored inside the rewritten article)` : '';
    console.log(
      `  ${c.padEnd(9)} ${String(r.total).padStart(5)}  ${String(r.correct).padStart(5)} (${pct.padStart(6)}%)  ${String(r.orphaned).padStart(6)}  ${String(r.wrong).padStart(5)}   ${statuses}${extra}`,
    );
  }
  console.log(`  wrongly anchored (attached to the wrong place), all classes: ${wrong}`);
}
