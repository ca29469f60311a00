/** The soak itself; start it through bench/soak.bench.ts (see there). */
import { Cleanup, createBenchDatabase, runBench, stepLogger } from './bench-app';
import { positiveInt, startLoader } from './bench-support';
import { describe, total } from './deadline.client';
import { mustData, startApi } from './deadline.setup';
import type { SoakJob, SoakResult } from './soak.load';
import { SAMPLE_PASSWORD } from '@majlis/api';

const SECONDS = positiveInt(process.env['SOAK_SECONDS'], 300);
const WORKERS = positiveInt(process.env['SOAK_WORKERS'], 8);
const SAMPLE_EVERY_MS = Math.min(30_000, Math.max(5_000, (SECONDS * 1000) / 10));
const TIMEOUT_MS = 20_000;
const GOAL_GROWTH = 0.1;
const EMAIL = 'representant@fmo.example';

const cleanups: Cleanup[] = [];

export function main(): Promise<number> {
  return runBench(cleanups, run, { failure: 'soak failed' });
}

async function run(started: number): Promise<number> {
  const step = stepLogger(started, 6);
  const database = await createBenchDatabase(cleanups, step);
  const { graphqlUrl } = await startApi(
    database,
    { organizations: 0, leadSeconds: 0, poolSize: 10, logLevel: 'silent', requestTimeoutMs: TIMEOUT_MS },
    step,
    cleanups,
  );
  const { spaceId, threadId, token } = await prepare(graphqlUrl, database.db);
  const loader = startLoader<SoakJob, SoakResult>('soak.load.ts');
  cleanups.push({ label: 'stop the load generator', run: async () => void loader.child.kill() });

  global.gc?.();
  const idle = rssMb();
  step(`RSS at idle: ${idle.toFixed(1)} MB; ${WORKERS} clients for ${SECONDS} s`);
  const samples: { at: number; rss: number }[] = [];
  const sampler = setInterval(() => {
    samples.push({ at: (Date.now() - started) / 1000, rss: rssMb() });
    step(`RSS under load: ${rssMb().toFixed(1)} MB`);
  }, SAMPLE_EVERY_MS);
  cleanups.push({ label: 'stop sampling', run: async () => clearInterval(sampler) });
  const cpuBefore = process.cpuUsage();
  const result = await loader.run({
    graphqlUrl,
    token,
    spaceId,
    threadId,
    workers: WORKERS,
    until: Date.now() + SECONDS * 1000,
    timeoutMs: TIMEOUT_MS,
  });
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  const end = rssMb();
  const warm =
    samples.find((sample) => sample.at >= (samples[0]?.at ?? 0) + SECONDS / 5)?.rss ?? samples[0]?.rss ?? end;
  const growth = (end - warm) / warm;
  const errors = total(result.errors);
  console.log('');
  console.log(`soak — Node ${process.version}; ${SECONDS} s, ${WORKERS} clients; database: ${database.source}`);
  console.log(
    `requests: ${result.requests} (${result.reads} reads, ${result.writes} writes), ${(result.requests / SECONDS).toFixed(1)} req/s; Node CPU ${((cpu.user + cpu.system) / 1000 / Math.max(1, result.requests)).toFixed(2)} ms per request`,
  );
  console.log(
    `RSS: idle ${idle.toFixed(1)} MB, after the warm-up ${warm.toFixed(1)} MB, at the end ${end.toFixed(1)} MB, max ${Math.max(...samples.map((s) => s.rss), end).toFixed(1)} MB`,
  );
  for (const line of describe(result.errors)) console.log(`  error: ${line}`);
  const checks = [
    {
      label: `RSS growth after the warm-up ≤ ${GOAL_GROWTH * 100}% (goal)`,
      ok: growth <= GOAL_GROWTH,
      detail: `${(growth * 100).toFixed(1)}%`,
    },
    { label: '0 errors (goal)', ok: errors === 0, detail: `${errors}` },
  ];
  for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.label} (${c.detail})`);
  return checks.every((c) => c.ok) ? 0 : 1;
}

/** The sample representative signs in once, creates a public space and a thread to read and reply to. */
async function prepare(graphqlUrl: string, db: import('pg').Pool) {
  const signedIn = await mustData(
    graphqlUrl,
    `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
    { input: { email: EMAIL, password: SAMPLE_PASSWORD } },
    undefined,
    TIMEOUT_MS,
  );
  const token = (signedIn['signIn'] as { accessToken: string }).accessToken;
  const [{ id: fmoId }] = (await db.query<{ id: string }>(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows;
  const space = await mustData(
    graphqlUrl,
    `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
    { input: { name: 'Soak space', slug: 'soak', ownerOrganizationId: fmoId, visibility: 'PUBLIC' } },
    token,
    TIMEOUT_MS,
  );
  const spaceId = (space['createSpace'] as { space: { id: string } }).space.id;
  const thread = await mustData(
    graphqlUrl,
    `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
    { input: { spaceId, title: 'Soak thread', body: 'Where the soak replies.', tags: [] } },
    token,
    TIMEOUT_MS,
  );
  return { spaceId, threadId: (thread['createThread'] as { thread: { id: string } }).thread.id, token };
}

function rssMb(): number {
  return process.memoryUsage.rss() / 2 ** 20;
}
