/** The contribution cost bench itself; start it through bench/contribution-cost.bench.ts (see there). */
import { Client } from 'pg';
import { Cleanup, createBenchDatabase, runBench, stepLogger } from './bench-app';
import { positiveInt, startLoader } from './bench-support';
import { describe } from './deadline.client';
import type { CostJob, CostResult } from './contribution-cost.load';
import { startProfile } from './cpu-profile';
import { createParticipants, joinWithDrafts, openConsultation, startApi } from './deadline.setup';

const ORGANIZATIONS = positiveInt(process.env['BENCH_ORGANIZATIONS'], 40);
const ROUNDS = positiveInt(process.env['BENCH_ROUNDS'], 5);
const CONCURRENCY = positiveInt(process.env['BENCH_CONCURRENCY'], 4);
const TIMEOUT_MS = 30_000;

/** Every statement any pg client of this process sends (the API's pool and the bench's own, which is idle meanwhile). */
let statements = 0;
const originalQuery = Client.prototype.query;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  statements++;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

type Kind = 'save' | 'submit' | 'resubmit';
interface Tally {
  requests: number;
  ok: number;
  cpuUs: number;
  statements: number;
  wallMs: number;
}

const cleanups: Cleanup[] = [];

export function main(): Promise<number> {
  return runBench(cleanups, measure, { failure: 'contribution cost failed' });
}

async function measure(started: number): Promise<number> {
  const step = stepLogger(started);
  const database = await createBenchDatabase(cleanups, step);
  const { app, graphqlUrl } = await startApi(
    database,
    {
      organizations: ORGANIZATIONS,
      leadSeconds: 3600,
      poolSize: 10,
      logLevel: 'silent',
      requestTimeoutMs: TIMEOUT_MS,
    },
    step,
    cleanups,
  );
  const loader = startLoader<CostJob, CostResult>('contribution-cost.load.ts');
  cleanups.push({ label: 'stop the client', run: async () => void loader.child.kill() });
  const people = await createParticipants(app, database.db, ORGANIZATIONS);
  const consultation = await openConsultation(graphqlUrl, TIMEOUT_MS);
  await joinWithDrafts(graphqlUrl, consultation, people, TIMEOUT_MS);
  step(
    `${people.length} organisations joined; ${ROUNDS} measured rounds after one warm-up, client concurrency ${CONCURRENCY}`,
  );

  const jobPeople = people.map(({ organizationId, memberToken, representativeToken }) => ({
    organizationId,
    memberToken,
    representativeToken,
  }));
  const tallies: Record<Kind, Tally> = {
    save: { requests: 0, ok: 0, cpuUs: 0, statements: 0, wallMs: 0 },
    submit: { requests: 0, ok: 0, cpuUs: 0, statements: 0, wallMs: 0 },
    resubmit: { requests: 0, ok: 0, cpuUs: 0, statements: 0, wallMs: 0 },
  };
  const errors: string[] = [];
  const job = (kind: CostJob['kind'], round: number): CostJob => ({
    graphqlUrl,
    consultationId: consultation.id,
    textQuestionId: consultation.textQuestionId,
    kind,
    round,
    concurrency: CONCURRENCY,
    timeoutMs: TIMEOUT_MS,
    people: jobPeople,
  });
  const measure = async (kind: Kind, round: number, measured: boolean) => {
    const stopProfile = measured && round === 1 ? await startProfile(`contribution-${kind}`) : null;
    const cpu = process.cpuUsage();
    const before = statements;
    const t0 = performance.now();
    const result = await loader.run(job(kind === 'save' ? 'save' : 'submit', round));
    const wallMs = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    await stopProfile?.();
    for (const line of describe(result.errors)) errors.push(`${kind} round ${round}: ${line}`);
    if (!measured) return;
    const t = tallies[kind];
    t.requests += people.length;
    t.ok += result.ok;
    t.cpuUs += used.user + used.system;
    t.statements += statements - before;
    t.wallMs += wallMs;
  };
  for (let round = 0; round <= ROUNDS; round++) {
    const measured = round > 0;
    await loader.run(job('read', round)); // versions, not measured
    await measure('save', round, measured);
    await measure('submit', round, measured); // the draft changed: a new receipt
    await measure('resubmit', round, measured); // nothing changed: the same receipt back
  }
  const load = (await import('node:os'))
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(', ');
  console.log('');
  console.log(
    `contribution cost — Node ${process.version}; ${people.length} organisations × ${ROUNDS} rounds; client concurrency ${CONCURRENCY}; load average ${load}`,
  );
  for (const [kind, t] of Object.entries(tallies))
    console.log(
      `${kind.padEnd(9)} ${t.ok}/${t.requests} ok; Node CPU ${(t.cpuUs / 1000 / t.requests).toFixed(2)} ms per request; ${(t.statements / t.requests).toFixed(2)} SQL statements per request; ${(t.requests / (t.wallMs / 1000)).toFixed(0)} req/s at concurrency ${CONCURRENCY}`,
    );
  for (const line of errors) console.log(`  error: ${line}`);
  const failed = errors.length > 0 || Object.values(tallies).some((t) => t.ok !== t.requests);
  console.log(failed ? '0 passed, 1 failed' : '1 passed, 0 failed');
  return failed ? 1 : 0;
}
