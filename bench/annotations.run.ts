/** The annotations page benchmark itself; start it through bench/annotations.bench.ts (see there). */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Pool } from 'pg';
import {
  Cleanup,
  expectSamePage,
  rangeOf,
  runBench,
  Step,
  backendCpuMs,
  cpuDelta,
  createBenchDatabase,
  expectOk,
  gql,
  printTable,
  signIn,
  startBenchApi,
  statementsPer,
  stepLogger,
} from './bench-app';
import { machineDescription, positiveInt, startLoader } from './bench-support';
import { profiled } from './cpu-profile';
import { AnnotationData, loadAnnotations } from './annotations.data';
import { startAnnotationsFloor } from './annotations.floor';
import type { LoadJob, LoadResult } from './threads.load';

const ANNOTATIONS = positiveInt(process.env['BENCH_ANNOTATIONS'], 5_000);
const REPLIES = positiveInt(process.env['BENCH_REPLIES'], 50_000);
const DURATION_SECONDS = positiveInt(process.env['BENCH_DURATION'], 10);
const WARMUP_SECONDS = 2;
const CONNECTIONS = 10;
const POOL_SIZE = 10;
const READER_EMAIL = 'representant@fmo.example';
const JWT_SECRET = `bench-${randomBytes(32).toString('hex')}`;

const PAGE_QUERY = `query($document: ID!, $number: Int!) { document(id: $document) { versionByNumber(number: $number) {
  annotations(first: 50) { edges { node { id motivation author { displayName } organization { name }
  replyCount endorsementCount anchor { status score } } } } } } }`;

const cleanups: Cleanup[] = [];
export function main(): Promise<number> {
  const loadBefore = loadavg()[0];
  return runBench(cleanups, (started) => benchmark(started, loadBefore));
}

interface Run {
  readonly side: 'API' | 'floor';
  readonly result: LoadResult;
  readonly nodeCpuMs: number;
  readonly pgCpuMs: number | null;
}

interface Target {
  readonly graphqlUrl: string;
  readonly floorUrl: string;
  readonly token: string;
  readonly data: AnnotationData;
}

async function benchmark(started: number, loadBefore: number): Promise<number> {
  const step = stepLogger(started);
  const database = await createBenchDatabase(cleanups, step);
  const { graphqlUrl } = await startBenchApi(
    cleanups,
    { databaseUrl: database.url, jwtSecret: JWT_SECRET, poolSize: POOL_SIZE },
    step,
  );
  const { db } = database;
  const token = await signIn(graphqlUrl, READER_EMAIL);
  step(`bulk-loading ${ANNOTATIONS} annotations, ${REPLIES} replies and endorsements`);
  const data = await loadAnnotations(db, {
    annotations: ANNOTATIONS,
    replies: REPLIES,
    authorIds: (await db.query<{ id: string }>(`SELECT id FROM users WHERE status = 'ACTIVE' ORDER BY email`)).rows.map(
      (row) => row.id,
    ),
    organizationIds: (await db.query<{ id: string }>(`SELECT id FROM organizations ORDER BY name`)).rows.map(
      (row) => row.id,
    ),
  });
  step(
    `loaded: ${data.annotations} annotations, ${data.replies} replies, ${data.endorsements} endorsements on the version`,
  );
  const floor = await startAnnotationsFloor({ databaseUrl: database.url, jwtSecret: JWT_SECRET, poolSize: POOL_SIZE });
  cleanups.push({ label: 'close the floor', run: () => floor.close() });
  const target: Target = { graphqlUrl, floorUrl: floor.url, token, data };
  await checkAgreement(target, step);
  const statements = {
    api: await statementsPer(() => apiPage(target)),
    floor: await statementsPer(async () => expectOk(await fetch(floorPageUrl(target), { headers: auth(target) }))),
  };
  const rssIdle = process.memoryUsage.rss();
  const runs = await runLoads(target, db, database.name, step);
  const rssLoaded = process.memoryUsage.rss();
  const [{ server_version: pgVersion }] = (await db.query<{ server_version: string }>(`SHOW server_version`)).rows;
  printSetting({ loadBefore, source: database.source, pgVersion, data, statements, rss: [rssIdle, rssLoaded] });
  printRuns(runs);
  console.log('');
  printGoal(runs);
  return reportFailures(runs);
}

const auth = (target: Target) => ({ authorization: `Bearer ${target.token}` });
const floorPageUrl = (target: Target) =>
  `${target.floorUrl}/annotations?document=${target.data.documentId}&version=${target.data.versionNumber}`;
const pageVariables = (target: Target) => ({ document: target.data.documentId, number: target.data.versionNumber });

async function apiPage(target: Target): Promise<Record<string, unknown>[]> {
  type Page = { document: { versionByNumber: { annotations: { edges: { node: Record<string, unknown> }[] } } } };
  const page = await gql<Page>(target.graphqlUrl, PAGE_QUERY, pageVariables(target), target.token);
  return page.document.versionByNumber.annotations.edges.map((edge) => edge.node);
}

/** Both sides answer the same page, or the comparison means nothing. */
async function checkAgreement(target: Target, step: Step): Promise<void> {
  const api = await apiPage(target);
  const floor = (
    (await (await fetch(floorPageUrl(target), { headers: auth(target) })).json()) as {
      annotations: Record<string, unknown>[];
    }
  ).annotations;
  expectSamePage('the page of annotations', api, floor);
  step(
    `API and floor agree on the page (${api.length} annotations; replies ${rangeOf(api, 'replyCount')}, endorsements ${rangeOf(api, 'endorsementCount')}, ` +
      `${api.filter((a) => a['organization']).length} spoken for an organisation)`,
  );
}

/** The API's run, then the floor's, each after a warm-up, with the CPU each side spent. */
async function runLoads(target: Target, db: Pool, databaseName: string, step: Step): Promise<Run[]> {
  const loader = startLoader<LoadJob, LoadResult>('threads.load.ts');
  cleanups.push({ label: 'stop the load generator', run: async () => void loader.child.kill() });
  const jobs: [Run['side'], Omit<LoadJob, 'connections' | 'seconds'>][] = [
    [
      'API',
      {
        url: target.graphqlUrl,
        method: 'POST',
        path: '/graphql',
        headers: { ...auth(target), 'content-type': 'application/json' },
        body: JSON.stringify({ query: PAGE_QUERY, variables: pageVariables(target) }),
      },
    ],
    [
      'floor',
      {
        url: target.floorUrl,
        method: 'GET',
        path: new URL(floorPageUrl(target)).pathname + new URL(floorPageUrl(target)).search,
        headers: auth(target),
      },
    ],
  ];
  const runs: Run[] = [];
  for (const [side, job] of jobs) {
    step(`${side}: ${WARMUP_SECONDS} s warm-up, ${DURATION_SECONDS} s measured`);
    await loader.run({ ...job, connections: CONNECTIONS, seconds: WARMUP_SECONDS });
    const pgBefore = await backendCpuMs(db, databaseName);
    const nodeBefore = process.cpuUsage();
    const result = await profiled(`annotations-page-${side}`, () =>
      loader.run({ ...job, connections: CONNECTIONS, seconds: DURATION_SECONDS }),
    );
    const node = process.cpuUsage(nodeBefore);
    const pgAfter = await backendCpuMs(db, databaseName);
    const pgCpuMs = pgBefore === null || pgAfter === null ? null : cpuDelta(pgBefore, pgAfter);
    runs.push({ side, result, nodeCpuMs: (node.user + node.system) / 1000, pgCpuMs });
  }
  return runs;
}

function printSetting(setting: {
  loadBefore: number;
  source: string;
  pgVersion: string;
  data: AnnotationData;
  statements: { api: number; floor: number };
  rss: [number, number];
}): void {
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  console.log('');
  console.log('Annotations page benchmark — API (NestJS + Apollo + TypeORM) vs floor (node:http + raw SQL through pg)');
  console.log(
    `machine: ${machineDescription()}; ` +
      `1-min load average ${setting.loadBefore.toFixed(2)} at start (anything else running skews the figures)`,
  );
  console.log(
    `database: ${setting.source}, PostgreSQL ${setting.pgVersion}; pools: ${POOL_SIZE} connections each; the background worker is not in this process`,
  );
  console.log(
    `data: version ${setting.data.versionNumber} of the sample circular with ${setting.data.annotations} annotations, ` +
      `${setting.data.replies} replies, ${setting.data.endorsements} endorsements; the page: 50 annotations in text order, as ${READER_EMAIL}`,
  );
  console.log(
    `load: autocannon, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${DURATION_SECONDS} s per side, in a child process; ` +
      `SQL statements per page: API ${setting.statements.api} (session check included), floor ${setting.statements.floor}`,
  );
  console.log(
    `RSS of this process (API and floor): ${mb(setting.rss[0])} before the load, ${mb(setting.rss[1])} after`,
  );
  console.log('');
}

function printRuns(runs: readonly Run[]): void {
  printTable(
    ['side', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'requests', 'failed', 'Node CPU ms/req', 'PG CPU ms/req'],
    runs.map(({ side, result, nodeCpuMs, pgCpuMs }) => [
      side,
      result.requestsPerSecond.toFixed(0),
      String(result.latency.p50),
      String(result.latency.p97_5),
      String(result.latency.p99),
      String(result.total),
      String(result.errors + result.timeouts + result.non2xx + result.bodyErrors),
      (nodeCpuMs / Math.max(1, result.total)).toFixed(2),
      pgCpuMs === null ? 'n/a' : (pgCpuMs / Math.max(1, result.total)).toFixed(2),
    ]),
  );
}

function printGoal(runs: readonly Run[]): void {
  const rate = (side: Run['side']) => runs.find((run) => run.side === side)?.result.requestsPerSecond ?? NaN;
  const ratio = rate('API') / rate('floor');
  console.log(`goal (Node ${process.version}):`);
  printTable(
    ['goal', 'figure', 'met'],
    [['page of 50: API ÷ floor throughput ≥ 0.5', ratio.toFixed(2), ratio >= 0.5 ? 'yes' : 'NO']],
  );
}

function reportFailures(runs: readonly Run[]): number {
  const failed = runs.filter(({ result }) => result.errors + result.timeouts + result.non2xx + result.bodyErrors > 0);
  for (const { side, result } of failed) {
    console.log(`FAILED REQUESTS (${side}): ${result.errorSamples.join(' | ') || '(connection errors or timeouts)'}`);
  }
  if (failed.length > 0) console.log('Some requests failed: the figures above are not valid.');
  return failed.length > 0 ? 1 : 0;
}
