/**
 * Re-anchoring across five versions, against a hidden truth (bench/reanchor-chain.corpus.ts). Run from the repo root:
 *   npm run bench:anchoring:chain [-- --seeds=1,2,3]
 * Compares what publishing does now (reanchorChained: position chained, status and score judged against the
 * author's quote) with plain chaining (each version judged against the previous one), and with re-anchoring
 * version 1 straight onto version 5 (the reference for scores).
 */
import {
  reanchor,
  reanchorChained,
  type AnchorResult,
  type AnchorStatus,
  type AnchorTarget,
  type TextPositionSelector,
} from '@majlis/anchoring';
import {
  buildChainCorpus,
  CHAIN_CLASSES,
  CHAIN_SEED,
  type ChainAnnotation,
  type ChainClass,
} from './reanchor-chain.corpus';

type Carried = AnchorTarget & { status: AnchorStatus; score: number };

function carriedFrom(result: AnchorResult): Carried | null {
  return result.position && result.quote
    ? { quote: result.quote, position: result.position, status: result.status, score: result.score }
    : null;
}

const ORPHAN: AnchorResult = { status: 'ORPHANED', position: null, quote: null, score: 0 };

/** Carries every annotation from version 1 to the last, one version at a time (orphans stay orphaned). */
function chain(texts: readonly string[], targets: readonly AnchorTarget[], judged: boolean): AnchorResult[] {
  let current: (Carried | null)[] = targets.map((t) => ({ ...t, status: 'EXACT', score: 1 }));
  let results: AnchorResult[] = [];
  for (let v = 1; v < texts.length; v++) {
    const live = current.flatMap((c, i) => (c ? [i] : []));
    const out = judged
      ? reanchorChained(
          live.map((i) => ({ original: targets[i], previous: current[i]! })),
          texts[v - 1],
          texts[v],
        )
      : reanchor(
          live.map((i) => current[i]!),
          texts[v - 1],
          texts[v],
        );
    results = current.map(() => ORPHAN);
    live.forEach((i, k) => (results[i] = out[k]));
    current = results.map(carriedFrom);
  }
  return results;
}

function overlap(a: TextPositionSelector, b: TextPositionSelector): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Same rule as the two-version benchmark: exact range for EXACT/MOVED, ≥ 90% overlap for FUZZY. */
function placed(a: ChainAnnotation, r: AnchorResult): 'correct' | 'orphaned' | 'wrong' {
  if (r.position === null) return a.truth === null ? 'correct' : 'orphaned';
  if (a.truth === null) return 'wrong';
  if (r.status !== 'FUZZY')
    return r.position.start === a.truth.start && r.position.end === a.truth.end ? 'correct' : 'wrong';
  const longest = Math.max(a.truth.end - a.truth.start, r.position.end - r.position.start);
  return overlap(a.truth, r.position) >= 0.9 * longest ? 'correct' : 'wrong';
}

interface Row {
  n: number;
  correct: number;
  orphaned: number;
  wrong: number;
  statusRight: number;
  scoreOneOnChanged: number;
  drift: number[];
}

function report(
  title: string,
  corpus: ReturnType<typeof buildChainCorpus>,
  results: AnchorResult[],
  direct: AnchorResult[],
) {
  const rows = new Map<ChainClass, Row>(
    CHAIN_CLASSES.map((c) => [
      c,
      { n: 0, correct: 0, orphaned: 0, wrong: 0, statusRight: 0, scoreOneOnChanged: 0, drift: [] },
    ]),
  );
  corpus.annotations.forEach((a, i) => {
    const r = results[i];
    const row = rows.get(a.cls)!;
    row.n++;
    row[placed(a, r)]++;
    if (r.status === a.expectedStatus) row.statusRight++;
    if (a.cls === 'edited' && r.score === 1) row.scoreOneOnChanged++;
    if (a.cls === 'edited' && r.status === 'FUZZY' && direct[i].status === 'FUZZY')
      row.drift.push(Math.abs(r.score - direct[i].score));
  });
  console.log(`\n${title}`);
  console.log(
    '  class       n    position correct   orphaned  wrong   status as expected   score 1 on a changed passage',
  );
  let total = 0;
  let right = 0;
  for (const [cls, row] of rows) {
    total += row.n;
    right += row.statusRight;
    const pct = (k: number) => (row.n ? ((100 * k) / row.n).toFixed(2) : '-').padStart(6);
    console.log(
      `  ${cls.padEnd(10)} ${String(row.n).padStart(4)}   ${String(row.correct).padStart(5)} (${pct(row.correct)}%)   ${String(row.orphaned).padStart(6)}  ${String(row.wrong).padStart(5)}   ${String(row.statusRight).padStart(5)} (${pct(row.statusRight)}%)     ${cls === 'edited' ? row.scoreOneOnChanged : '-'}`,
    );
  }
  const drift = rows.get('edited')!.drift;
  const mean = drift.reduce((s, d) => s + d, 0) / Math.max(1, drift.length);
  console.log(
    `  status as expected, all classes: ${right}/${total} (${((100 * right) / total).toFixed(2)}%); ` +
      `edited passages: mean |score − score of v1→v5 directly| = ${mean.toFixed(3)} (over ${drift.length})`,
  );
}

export function runChainBench(seeds: readonly number[] = [CHAIN_SEED]): void {
  for (const seed of seeds) {
    const corpus = buildChainCorpus(seed);
    const targets = corpus.annotations.map((a) => a.target);
    const counts = CHAIN_CLASSES.map((c) => `${c} ${corpus.annotations.filter((a) => a.cls === c).length}`).join(', ');
    console.log(
      `\nFIVE VERSIONS — seed ${seed}: ${corpus.texts.map((t) => t.length).join(' → ')} code units; ` +
        `${targets.length} annotations made on v1 (truth in v5: ${counts})`,
    );
    const t0 = performance.now();
    const ours = chain(corpus.texts, targets, true);
    const ms = performance.now() - t0;
    const naive = chain(corpus.texts, targets, false);
    const direct = reanchor(targets, corpus.texts[0], corpus.texts[corpus.texts.length - 1]);
    console.log(`  four publications, chained and judged against the quote: ${ms.toFixed(0)} ms`);
    report('OURS — chained position, status and score against the quote (what publishing does)', corpus, ours, direct);
    report('PLAIN CHAINING — each version judged against the previous one (before issue 14)', corpus, naive, direct);
  }
}

if (require.main === module) {
  const seedsArg = process.argv.find((a) => a.startsWith('--seeds='));
  runChainBench(seedsArg ? seedsArg.slice('--seeds='.length).split(',').map(Number) : [CHAIN_SEED]);
}
