/** The live-updates benchmark itself; start it through bench/live.bench.ts (see there). */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { Cleanup, createBenchDatabase, gql, runBench, signIn, stepLogger } from './bench-app';
import { type Loader, positiveInt, startLoader } from './bench-support';
import type { InstanceJob, InstanceResult } from './live.instance';
import type { LiveJob, LiveResult, Person } from './live.load';
import type { ProduceJob, ProduceResult } from './live.produce';

const SUBSCRIBERS = positiveInt(process.env['BENCH_SUBSCRIBERS'], 1000);
const RATE = positiveInt(process.env['BENCH_EVENTS_PER_SECOND'], 50);
const SECONDS = positiveInt(process.env['BENCH_SECONDS'], 30);
/** One event in this many is an ORGANIZATION annotation that only FMO's members and moderators may read. */
const INTERNAL_EVERY = 5;
/** How long after the last event subscribers may still receive events before the missing ones count as lost. */
const DRAIN_MS = 30_000;
const LOG_LEVEL = process.env['BENCH_LOG_LEVEL'] ?? 'silent';
const SECRET = `bench-${randomBytes(32).toString('hex')}`;
const GOAL_P99_MS = 250;

/** The demo accounts subscribing, and whether each may read FMO's internal annotations. */
const PEOPLE: { role: string; email: string; readsInternal: boolean }[] = [
  { role: 'federation member (FMO)', email: 'membre@fmo.example', readsInternal: true },
  { role: 'federation representative (FMO)', email: 'representant@fmo.example', readsInternal: true },
  { role: 'company representative (Atlas)', email: 'representant@atlas.example', readsInternal: false },
  { role: 'company member (Atlas)', email: 'membre@atlas.example', readsInternal: false },
  { role: 'institution representative (ADI)', email: 'representant@adi.example', readsInternal: false },
  { role: 'ministry moderator', email: 'moderatrice@mtnra.example', readsInternal: true },
];

const cleanups: Cleanup[] = [];
const NAMES = ['A', 'B'];

/** Asks an instance to close its app and waits for its process to end; kills it when it does not answer. */
async function closeInstance(instance: Loader<InstanceJob, InstanceResult>): Promise<void> {
  const { child } = instance;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  try {
    await instance.run({ kind: 'close' }).catch(() => child.kill('SIGTERM'));
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

export function main(): Promise<number> {
  return runBench(cleanups, run, { failure: 'live benchmark failed' });
}

async function run(started: number): Promise<number> {
  const step = stepLogger(started);

  const { url: databaseUrl } = await createBenchDatabase(cleanups, step);

  // Two API instances on the same database, each in its own process (as in production) with its own event loop,
  // pool and LISTEN connection. The first seeds the sample data before the second starts.
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL,
    JWT_SECRET: SECRET,
    AUDIT_HMAC_KEY: SECRET,
    SEED_SAMPLE_DATA: 'false',
    DATABASE_URL: databaseUrl,
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    // The instances' batched socket writes (README): passed through when set, to weigh latency against system calls.
    ...(process.env['LIVE_WRITE_INTERVAL_MS'] ? { LIVE_WRITE_INTERVAL_MS: process.env['LIVE_WRITE_INTERVAL_MS'] } : {}),
  };
  const instances: Loader<InstanceJob, InstanceResult>[] = [];
  const urls: string[] = [];
  for (let index = 0; index < 2; index++) {
    const instance = startLoader<InstanceJob, InstanceResult>('live.instance.ts');
    cleanups.push({ label: `close instance ${NAMES[index]}`, run: () => closeInstance(instance) });
    const started = await instance.run({ kind: 'start', env, databaseUrl, seed: index === 0 });
    instances.push(instance);
    urls.push(started.url!);
  }
  const all = <R>(job: InstanceJob, pick: (result: InstanceResult) => R) =>
    Promise.all(instances.map(async (instance) => pick(await instance.run(job))));
  step(`two API instances, one process each: ${urls.map((url, i) => `${NAMES[i]} ${url}`).join(', ')}`);

  const tokens = new Map<string, string>();
  for (const email of [...PEOPLE.map((p) => p.email)]) {
    tokens.set(email, await signIn(urls[0], email));
  }
  const moderator = tokens.get('moderatrice@mtnra.example')!;
  const publicAuthor = tokens.get('representant@atlas.example')!;
  const internalAuthor = tokens.get('membre@fmo.example')!;

  // The sample circular's document: everyone reads it; annotations go on one passage of its latest version.
  const documents = await gql<{ documents: { edges: { node: { id: string } }[] } }>(
    urls[0],
    `{ documents(first: 1) { edges { node { id } } } }`,
    {},
    moderator,
  );
  const documentId = documents.documents.edges[0].node.id;
  const annotate = async (url: string, internal: boolean) => {
    const data = await gql<{ createAnnotation: { annotation: { id: string } } }>(
      url,
      `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { annotation { id } } }`,
      {
        input: {
          documentId,
          versionNumber: 2,
          target: { exact: 'Guichet unique' },
          motivation: 'COMMENTING',
          body: 'Une remarque de charge.',
          visibility: internal ? 'ORGANIZATION' : 'PUBLIC',
        },
      },
      internal ? internalAuthor : publicAuthor,
    );
    return data.createAnnotation.annotation.id;
  };
  await annotate(urls[0], false); // the passage resolves; the document is open

  const loader = startLoader<LiveJob, LiveResult>('live.load.ts');
  cleanups.push({ label: 'stop the load generator', run: async () => void loader.child.kill() });
  // The writers are clients too: in a process of their own, so that they compete with neither side's event loop.
  const producer = startLoader<ProduceJob, ProduceResult>('live.produce.ts');
  cleanups.push({ label: 'stop the writers', run: async () => void producer.child.kill() });
  const people: Person[] = PEOPLE.map((p) => ({
    role: p.role,
    token: tokens.get(p.email)!,
    readsInternal: p.readsInternal,
  }));
  const seq = await maxSeq(databaseUrl);

  const before = await all({ kind: 'mark' }, (r) => r.memory!);
  step(`opening ${SUBSCRIBERS} WebSocket subscribers, half on each instance`);
  const opened = await loader.run({ kind: 'connect', urls, people, subscribers: SUBSCRIBERS, documentId, after: seq });
  const warmId = await annotate(urls[1], false);
  const warmed = await loader.run({ kind: 'warm', annotationId: warmId, timeoutMs: 60_000 });
  const after = await all({ kind: 'mark' }, (r) => r.memory!);
  step(`${opened.connected} connected, ${opened.failed} refused; ${warmed.warm} received the warm-up event`);

  step(
    `producing ${RATE} events/s for ${SECONDS} s (1 in ${INTERNAL_EVERY} for FMO's members only), alternately on A and B`,
  );
  // BENCH_CPU_PROFILE=<dir>: a CPU profile of each instance while events are produced and delivered.
  await Promise.all(
    instances.map((instance, i) => instance.run({ kind: 'measure', profileLabel: `live-delivery-${NAMES[i]}` })),
  );
  const measuredFrom = Date.now();
  const { production, result } = await (async () => {
    const production = await producer.run({
      kind: 'produce',
      urls,
      documentId,
      publicAuthor,
      internalAuthor,
      rate: RATE,
      total: RATE * SECONDS,
      internalEvery: INTERNAL_EVERY,
    });
    step(
      `produced ${production.produced.length} events in ${production.seconds.toFixed(1)} s (${production.failures} mutations failed${production.firstFailure ? `, the first: ${production.firstFailure}` : ''}); draining`,
    );
    const drained = await loader.run({ kind: 'finish', produced: production.produced, drainMs: DRAIN_MS });
    return { production, result: drained };
  })();
  const measuredSeconds = (Date.now() - measuredFrom) / 1000;
  const measured = await all({ kind: 'measured' }, (r) => r);
  const instanceCpu = measured.map((r) => r.cpu!);
  const produced = production.produced;

  const connectedOn = (index: number) => opened.connectedPerUrl?.[index] ?? 0;
  const perConnection = (index: number, field: 'heapUsed' | 'rss') =>
    ((after[index][field] - before[index][field]) / Math.max(1, connectedOn(index)) / 1024).toFixed(1);
  const latency = result.latencies!;
  console.log('');
  console.log(`live updates: ${opened.connected} subscribers on 2 instances, ${produced.length} events at ${RATE}/s`);
  console.log(`  deliveries             ${result.deliveries} of ${result.expected} expected`);
  console.log(
    `  latency (commit→client) p50 ${latency.p50.toFixed(0)} ms · p90 ${latency.p90.toFixed(0)} ms · p99 ${latency.p99.toFixed(0)} ms · max ${latency.max.toFixed(0)} ms  (goal p99 ≤ ${GOAL_P99_MS} ms)`,
  );
  console.log(
    `  events lost            ${result.lost}  (goal 0; not received ${DRAIN_MS / 1000} s after the last one)`,
  );
  console.log(`  delivered, not allowed ${result.notAllowed}  (goal 0)`);
  console.log(`  duplicates             ${result.duplicates} · subscription errors ${result.errors}`);
  instances.forEach((_, i) =>
    console.log(
      `  memory per connection  ${NAMES[i]}: ${perConnection(i, 'heapUsed')} KiB heap · ${perConnection(i, 'rss')} KiB RSS (${connectedOn(i)} connections, server side, after GC)`,
    ),
  );
  const seconds = (micros: number) => (micros / 1e6).toFixed(1);
  instanceCpu.forEach((cpu, i) => {
    const total = cpu.user + cpu.system;
    const share = ((100 * total) / 1e6 / Math.max(0.001, measuredSeconds)).toFixed(0);
    console.log(
      `  server CPU ${NAMES[i]}           ${seconds(total)} s (user ${seconds(cpu.user)} s, system ${seconds(cpu.system)} s; its writes included) · ${share}% of a core over ${measuredSeconds.toFixed(1)} s`,
    );
  });
  measured.forEach(({ arrival }, i) => {
    if (arrival)
      console.log(
        `  arrival at ${NAMES[i]}           p50 ${arrival.p50.toFixed(0)} ms · p99 ${arrival.p99.toFixed(0)} ms over ${arrival.events} events (recorded → its LISTEN connection; the rest of the latency is the instance's and the socket's)`,
      );
  });
  measured.forEach(({ liveChecks, eventLoopDelay }, i) => {
    if (liveChecks)
      console.log(
        `  access checks ${NAMES[i]}        ${liveChecks.events} events in ${liveChecks.batches} batches, ${liveChecks.statements} statements: ${(liveChecks.statements / Math.max(1, liveChecks.events)).toFixed(2)} per event, ${(liveChecks.statementMs / Math.max(1, liveChecks.statements)).toFixed(1)} ms each (on the live checks' own connections)`,
      );
    if (eventLoopDelay)
      console.log(
        `  event loop ${NAMES[i]}           delay p50 ${eventLoopDelay.p50.toFixed(1)} ms · p99 ${eventLoopDelay.p99.toFixed(1)} ms · max ${eventLoopDelay.max.toFixed(0)} ms`,
      );
  });
  const cpuTotal = instanceCpu.reduce((sum, cpu) => sum + cpu.user + cpu.system, 0);
  console.log(
    `  server CPU (A + B)     ${seconds(cpuTotal)} s · ${(cpuTotal / Math.max(1, result.deliveries ?? 1)).toFixed(1)} µs per delivery`,
  );
  const client = result.clientCpu;
  if (client)
    console.log(
      `  subscribers' CPU       ${seconds(client.user + client.system)} s · ${((100 * (client.user + client.system)) / 1e6 / Math.max(0.001, client.seconds)).toFixed(0)}% of a core over ${client.seconds.toFixed(1)} s (the clients' process: near 100%, it delays and times what it receives)`,
    );
  console.log(
    `  load average           ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} (${cpus().length} CPUs)`,
  );
  const passed = result.lost === 0 && result.notAllowed === 0 && latency.p99 <= GOAL_P99_MS;
  console.log(passed ? 'all goals met' : 'some goals NOT met (see above)');
  return result.lost === 0 && result.notAllowed === 0 ? 0 : 1;
}

async function maxSeq(databaseUrl: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return String((await client.query(`SELECT COALESCE(max(seq), 0) AS seq FROM events`)).rows[0].seq);
  } finally {
    await client.end();
  }
}
