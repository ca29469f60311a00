/** The deadline load check itself; start it through bench/deadline.bench.ts (see there). */
import { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Cleanup, createBenchDatabase, runBench, stepLogger } from './bench-app';
import { positiveInt, startLoader, watchEventLoopDelay } from './bench-support';
import { describe, total } from './deadline.client';
import type { RaceJob, RaceResult, SubmitRecord } from './deadline.load';
import {
  Participant,
  RaceConsultation,
  Settings,
  createParticipants,
  joinWithDrafts,
  openConsultation,
  setDeadline,
  startApi,
} from './deadline.setup';
import { Check, Classified, bothAccepted, classify, receivedBefore, shuffle, verify } from './deadline.verify';

const SETTINGS: Settings = {
  organizations: positiveInt(process.env['BENCH_ORGANIZATIONS'], 200),
  /** Seconds from the end of the setup to the deadline (the load generator schedules the race meanwhile). */
  leadSeconds: positiveInt(process.env['BENCH_LEAD_SECONDS'], 6),
  poolSize: positiveInt(process.env['BENCH_POOL_SIZE'], 10),
  /** 'silent' by default; BENCH_LOG_LEVEL=error shows the stack of any INTERNAL_SERVER_ERROR. */
  logLevel: process.env['BENCH_LOG_LEVEL'] ?? 'silent',
  requestTimeoutMs: 20_000,
};
const SUBMIT_BEFORE_MS = 3000;
const SUBMIT_AFTER_MS = 1000;
const EDIT_AFTER_MS = 1000;
const EDITOR_PAUSE_MS = Number(process.env['BENCH_EDITOR_PAUSE_MS'] ?? 150);
const VERIFY_TIMEOUT_MS = 10_000;
const VERIFY_SAMPLE = 20;
/** The issue's goal for the submit latency under this load. */
const GOAL_P99_MS = 300;

const cleanups: Cleanup[] = [];

export function main(): Promise<number> {
  return runBench(cleanups, check, { failure: 'load check failed', afterFailure: '0 passed, 1 failed' });
}

async function check(started: number): Promise<number> {
  const step = stepLogger(started);
  const database = await createBenchDatabase(cleanups, step);
  const { app, graphqlUrl } = await startApi(database, SETTINGS, step, cleanups);
  const loader = startLoader<RaceJob, RaceResult>('deadline.load.ts');
  cleanups.push({ label: 'stop the load generator', run: async () => void loader.child.kill() });

  step(`creating ${SETTINGS.organizations} verified companies, a representative and a member each, with tokens`);
  const people = await createParticipants(app, database.db, SETTINGS.organizations);
  const consultation = await openConsultation(graphqlUrl, SETTINGS.requestTimeoutMs);
  await joinWithDrafts(graphqlUrl, consultation, people, SETTINGS.requestTimeoutMs);
  const closesAt = await setDeadline(database.db, consultation.id, SETTINGS.leadSeconds);
  step(
    `${people.length} organisations joined with a complete draft; the deadline is ${new Date(closesAt).toISOString()}`,
  );

  const job = raceJob(graphqlUrl, consultation, people, closesAt);
  step(
    `race: ${people.length} editors editing until closesAt + ${EDIT_AFTER_MS} ms; submits spread over closesAt − ${SUBMIT_BEFORE_MS} ms … + ${SUBMIT_AFTER_MS} ms`,
  );
  const snapshot = scheduleServerSnapshot(app, database.db, database.name, closesAt + EDIT_AFTER_MS + 500);
  const cpuBefore = process.cpuUsage();
  const stopWatching = watchServer(app);
  const result = await loader.run(job);
  const cpu = process.cpuUsage(cpuBefore);
  const watched = stopWatching();
  step('race over; verifying');

  const classified = classify(result, closesAt);
  const { checks } = await verify({
    db: database.db,
    graphqlUrl,
    consultationId: consultation.id,
    classified,
    result,
    participants: people.length,
    verifySample: VERIFY_SAMPLE,
    timeoutMs: VERIFY_TIMEOUT_MS,
  });
  const latencies = classified.submits.map((s) => s.doneAt - s.sentAt).sort((a, b) => a - b);
  const p99 = percentile(latencies, 99);
  checks.push({ label: `goal: submit latency p99 ≤ ${GOAL_P99_MS} ms`, ok: p99 <= GOAL_P99_MS, detail: `${p99} ms` });
  report(classified, result, {
    database: database.source,
    latencies,
    cpu,
    duringRace: watched,
    serverSnapshot: await snapshot,
  });
  return printChecks(checks);
}

/** During the race: callers waiting for a pooled connection, and the event loop's delay. */
function watchServer(app: INestApplication): () => string {
  const pool = (app.get(DataSource).driver as unknown as { master: { waitingCount: number; idleCount: number } })
    .master;
  const stopWatchingDelay = watchEventLoopDelay();
  const waiting: number[] = [];
  const idle: number[] = [];
  const timer = setInterval(() => {
    waiting.push(pool.waitingCount);
    idle.push(pool.idleCount);
  }, 20);
  return () => {
    clearInterval(timer);
    const delay = stopWatchingDelay();
    const sorted = [...waiting].sort((a, b) => a - b);
    const busy = waiting.filter((w) => w > 0).length;
    return (
      `callers waiting for a connection p50 ${percentile(sorted, 50)}, p99 ${percentile(sorted, 99)}, ` +
      `max ${sorted[sorted.length - 1] ?? 0} (some waiting in ${Math.round((100 * busy) / Math.max(waiting.length, 1))}% of samples, ` +
      `idle connections mean ${(idle.reduce((a, b) => a + b, 0) / Math.max(idle.length, 1)).toFixed(1)}); ` +
      `event-loop delay p50 ${delay.p50.toFixed(0)} ms, p99 ${delay.p99.toFixed(0)} ms, max ${delay.max.toFixed(0)} ms`
    );
  };
}

/** Submit instants: one per representative, stratified over [closesAt − 3 s, closesAt + 1 s), in random order. */
function raceJob(
  graphqlUrl: string,
  consultation: RaceConsultation,
  people: readonly Participant[],
  closesAt: number,
): RaceJob {
  const window = SUBMIT_BEFORE_MS + SUBMIT_AFTER_MS;
  const slots = shuffle(
    people.map((_, i) => closesAt - SUBMIT_BEFORE_MS + Math.floor(((i + Math.random()) / people.length) * window)),
  );
  return {
    graphqlUrl,
    consultationId: consultation.id,
    closesAt,
    editUntil: closesAt + EDIT_AFTER_MS,
    textQuestionId: consultation.textQuestionId,
    scaleQuestionId: consultation.scaleQuestionId,
    requestTimeoutMs: SETTINGS.requestTimeoutMs,
    editorPauseMs: EDITOR_PAUSE_MS,
    representatives: people.map((person, i) => ({
      index: person.index,
      organizationId: person.organizationId,
      token: person.representativeToken,
      sendAt: slots[i],
      retry: person.retry,
    })),
    editors: people.map((person) => ({
      index: person.index,
      organizationId: person.organizationId,
      token: person.memberToken,
      sameContent: person.retry === 'none' ? null : person.draft,
    })),
  };
}

/** What the server side looks like just after the race: its pool, and its backends in PostgreSQL. */
function scheduleServerSnapshot(app: INestApplication, db: Pool, databaseName: string, at: number): Promise<string[]> {
  const pool = (
    app.get(DataSource).driver as unknown as { master: { totalCount: number; idleCount: number; waitingCount: number } }
  ).master;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      serverSide(db, databaseName, pool).then(resolve, (error: unknown) =>
        resolve([`snapshot failed: ${String(error)}`]),
      );
    }, at - Date.now());
    cleanups.push({ label: 'cancel the snapshot', run: async () => clearTimeout(timer) });
  });
}

async function serverSide(
  db: Pool,
  databaseName: string,
  pool: { totalCount: number; idleCount: number; waitingCount: number },
): Promise<string[]> {
  const poolLine = `API pool: ${pool.totalCount} connections, ${pool.idleCount} idle, ${pool.waitingCount} callers waiting for a connection`;
  const { rows } = await db.query<{ state: string; wait: string | null; query: string; n: number }>(
    `SELECT state, wait_event_type || ':' || wait_event AS wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS query, count(*)::int AS n
       FROM pg_stat_activity
      WHERE datname = $1 AND application_name = 'majlis-api'
      GROUP BY 1, 2, 3 ORDER BY n DESC`,
    [databaseName],
  );
  return [
    poolLine,
    ...rows.map(
      (row) => `backends: ${row.n} × ${row.state}${row.wait ? ` (${row.wait})` : ''}, last statement: ${row.query}`,
    ),
  ];
}

function report(
  c: Classified,
  result: RaceResult,
  measured: {
    database: string;
    latencies: number[];
    cpu: NodeJS.CpuUsage;
    duringRace: string;
    serverSnapshot: string[];
  },
): void {
  const e = result.editors;
  const saves = e.savesOk + e.conflicts + e.deadlinePassed + total(e.errors);
  const requests = c.submits.length + e.versionReads + saves;
  const cpuMs = (measured.cpu.user + measured.cpu.system) / 1000;
  const offsets = (list: readonly SubmitRecord[]) => list.map((s) => s.sentAt - c.closesAt).sort((a, b) => a - b);
  const before = receivedBefore(c);
  const both = bothAccepted(c);
  const lat = measured.latencies;
  console.log('');
  console.log(
    `deadline load check — Node ${process.version}; ${c.firstAttempts.length} representatives, editors as many; closesAt ${new Date(c.closesAt).toISOString()}`,
  );
  console.log(
    `database: ${measured.database}; API pool ${SETTINGS.poolSize} connections; editors pause ~${EDITOR_PAUSE_MS} ms between saves; load generator timer lag p50 ${result.timerLagMs.p50} ms, max ${result.timerLagMs.max} ms`,
  );
  console.log(
    `submits: ${c.submits.length} requests (${c.firstAttempts.length} first + ${c.submits.length - c.firstAttempts.length} retries) — accepted ${c.accepted.length}, refused DEADLINE_PASSED ${c.refused.length}, other errors ${c.failed.length}`,
  );
  console.log(
    `  first attempts: accepted ${c.acceptedFirst.length}, refused ${c.refusedFirst.length}; last accepted sent at closesAt${signed(offsets(c.acceptedFirst).at(-1))} ms, first refused sent at closesAt${signed(offsets(c.refusedFirst)[0])} ms`,
  );
  console.log(
    `  received before closesAt: ${before.received}, accepted ${before.accepted} (goal: 100%) — ${c.accepted.filter((s) => Date.parse(s.receipt!.processedAt) >= c.closesAt).length} accepted submissions were processed after closesAt`,
  );
  for (const line of describe(
    Object.fromEntries(c.failed.map((s) => [s.errorKind ?? '?', { count: 1, example: s.message ?? '' }])),
  ))
    console.log(`  submit error: ${line}`);
  console.log(
    `editors: saves OK ${e.savesOk}, CONFLICT ${e.conflicts} (expected), DEADLINE_PASSED ${e.deadlinePassed}, other errors ${total(e.errors)} (version reads ${e.versionReads})`,
  );
  for (const line of describe(e.errors)) console.log(`  editor error: ${line}`);
  console.log(`  retries: ${c.retryPairs.length} representatives sent a second submit; ${both.length} both accepted`);
  console.log(`server side during the race (where a request waits: the pool's queue, or the event loop):`);
  console.log(`  ${measured.duringRace}`);
  console.log(`server side at closesAt + ${EDIT_AFTER_MS + 500} ms:`);
  for (const line of measured.serverSnapshot) console.log(`  ${line}`);
  console.log(
    `latency of submits: p50 ${percentile(lat, 50)} ms, p90 ${percentile(lat, 90)} ms, p99 ${percentile(lat, 99)} ms (goal ≤ ${GOAL_P99_MS} ms), max ${lat.at(-1) ?? 0} ms`,
  );
  console.log(
    `Node CPU of the API process during the race: ${cpuMs.toFixed(0)} ms for ${requests} requests = ${(cpuMs / requests).toFixed(2)} ms per request (submits, reads and saves)`,
  );
  console.log('');
}

function printChecks(checks: readonly Check[]): number {
  for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.label} (${c.detail})`);
  const passed = checks.filter((c) => c.ok).length;
  const failed = checks.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function signed(ms: number | undefined): string {
  return ms === undefined ? ' n/a' : ms >= 0 ? ` + ${ms}` : ` − ${-ms}`;
}
