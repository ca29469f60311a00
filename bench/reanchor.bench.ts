/**
 * Re-anchoring benchmark. Run from the repo root:
 *   node -r @swc-node/register bench/reanchor.bench.ts [--baseline-all] [--seeds=1,2,3]
 * --baseline-all  run the baseline on all annotations instead of a 1-in-10 sample (slow);
 * --seeds=…       also report our accuracy on corpora generated from other seeds.
 * Ends with the five-version case (bench/reanchor-chain.bench.ts, also `npm run bench:anchoring:chain`).
 */
import {
  reanchor,
  reanchorWithAlignment,
  alignTexts,
  DEFAULT_MIN_SCORE,
  DEFAULT_MIN_RELOCATION_SPAN,
  type AnchorResult,
} from '@majlis/anchoring';
import { runChainBench } from './reanchor-chain.bench';
import { baselineReanchor } from './reanchor.baseline';
import { buildCorpus, CLASSES, DEFAULT_SEED } from './reanchor.corpus';
import { evaluate, printReport } from './reanchor.evaluate';

const RUNS = 5;
const BASELINE_SAMPLE_STEP = 10;

function timed<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function main(): void {
  const corpus = buildCorpus();
  const targets = corpus.annotations.map((a) => a.target);
  console.log(
    `seed ${DEFAULT_SEED} — old text: ${corpus.oldText.length} code units, new text: ${corpus.newText.length} code units`,
  );
  console.log(
    `articles (old): ${JSON.stringify(corpus.articleCounts)}, new articles inserted: ${corpus.insertedArticles}`,
  );
  console.log(
    `annotations: ${targets.length} (20–300 code units each); options: defaults (minScore ${DEFAULT_MIN_SCORE}, minRelocationSpan ${DEFAULT_MIN_RELOCATION_SPAN})`,
  );

  const runs: Array<{ wallMs: number; cpuMs: number }> = [];
  let results: AnchorResult[] = [];
  for (let run = 0; run < RUNS; run++) {
    const r = timed(() => reanchor(targets, corpus.oldText, corpus.newText));
    results = r.value;
    runs.push(r);
  }
  const align = timed(() => alignTexts(corpus.oldText, corpus.newText));
  const only = timed(() => reanchorWithAlignment(targets, corpus.oldText, corpus.newText, align.value));
  const warm = runs.slice(1).reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  const fmt = (r: { wallMs: number; cpuMs: number }): string =>
    `${r.wallMs.toFixed(0)} ms wall / ${r.cpuMs.toFixed(0)} ms CPU`;
  console.log(`\nOURS reanchor() on ${targets.length} annotations (alignment included):`);
  console.log(`  first run (cold JIT): ${fmt(runs[0])}`);
  console.log(
    `  best of next ${RUNS - 1} runs:  ${fmt(warm)}   [alignment alone ${fmt(align)}, per-annotation work ${fmt(only)}]`,
  );
  printReport('OURS — all annotations', evaluate(corpus.annotations, results));

  const all = process.argv.includes('--baseline-all');
  const sampleIdx = corpus.annotations.map((_, i) => i).filter((i) => all || i % BASELINE_SAMPLE_STEP === 0);
  const sample = sampleIdx.map((i) => corpus.annotations[i]);
  const base = timed(() =>
    baselineReanchor(
      sample.map((a) => a.target),
      corpus.newText,
    ),
  );
  const label = all
    ? 'all annotations'
    : `deterministic sample (every ${BASELINE_SAMPLE_STEP}th annotation: ${sample.length} of ${targets.length})`;
  const projected = (base.wallMs * targets.length) / sample.length;
  console.log(
    `\nBASELINE (first indexOf of the quote, else best approx-string-match of the quote over the whole text, k = 25%)`,
  );
  console.log(
    `  on ${label}: ${fmt(base)}` + (all ? '' : ` — ≈ ${projected.toFixed(0)} ms projected for all ${targets.length}`),
  );
  printReport(`BASELINE — ${label}`, evaluate(sample, base.value));
  printReport(
    'OURS — same sample, for comparison',
    evaluate(
      sample,
      sampleIdx.map((i) => results[i]),
    ),
  );
  console.log(
    `\ntime ratio baseline / ours (all ${targets.length} annotations, ours warm): ${(projected / warm.wallMs).toFixed(1)}x`,
  );

  const seedsArg = process.argv.find((a) => a.startsWith('--seeds='));
  if (seedsArg) {
    console.log('\nOURS on other seeds (accuracy only; correct % per class, wrongly anchored count):');
    for (const seed of seedsArg.slice('--seeds='.length).split(',').map(Number)) {
      const c = buildCorpus(seed);
      const rep = evaluate(
        c.annotations,
        reanchor(
          c.annotations.map((a) => a.target),
          c.oldText,
          c.newText,
        ),
      );
      const line = CLASSES.map(
        (k) => `${k} ${((100 * rep[k].correct) / rep[k].total).toFixed(2)}% (wrong ${rep[k].wrong})`,
      ).join(', ');
      console.log(`  seed ${seed}: ${line}`);
    }
  }
  runChainBench();
}

main();
