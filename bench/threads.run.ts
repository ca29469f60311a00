/** The threads benchmark itself; start it through bench/threads.bench.ts (see there). */
import { profiled } from './cpu-profile';
import { machineDescription, positiveInt, startLoader } from './bench-support';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Pool } from 'pg';
import { API_STATEMENT_NAMES, MAX_PREPARED_STATEMENTS } from '@majlis/api';
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
import { countData, loadThreads } from './threads.data';
import { startFloor } from './threads.floor';
import { BareRow, startBareFramework } from './bare-framework';
import type { LoadJob, LoadResult } from './threads.load';

const THREADS = 500;
const COMMENTS = positiveInt(process.env['BENCH_COMMENTS'], 100_000);
const DURATION_SECONDS = positiveInt(process.env['BENCH_DURATION'], 10);
const WARMUP_SECONDS = 2;
const CONNECTIONS = 10;
const POOL_SIZE = 10;
const READER_EMAIL = 'representant@fmo.example';
const JWT_SECRET = `bench-${randomBytes(32).toString('hex')}`;

const LIST_QUERY = `query($id: ID!) { space(id: $id) { threads(first: 20) { edges { node { id title pinned lastActivityAt author { displayName } replyCount participantCount unreadCount } } } } }`;
const POST_MUTATION = `mutation($input: PostCommentInput!) { postComment(input: $input) { comment { id } } }`;

const cleanups: Cleanup[] = [];
let loadBefore = 0;
export function main(): Promise<number> {
  loadBefore = loadavg()[0];
  return runBench(cleanups, (started) => benchmark(started));
}

type Side = 'API' | 'floor' | 'bare stack';
const LIST = 'A list threads (first 20)';
const REPLY = 'B post a reply';

async function benchmark(started: number): Promise<number> {
  const step = stepLogger(started);
  const database = await createBenchDatabase(cleanups, step);
  const api = await startBenchApi(
    cleanups,
    { databaseUrl: database.url, jwtSecret: JWT_SECRET, poolSize: POOL_SIZE },
    step,
  );
  const fixture = await loadFixture(database.db, api.graphqlUrl, step);
  const floor = await startFloor({ databaseUrl: database.url, jwtSecret: JWT_SECRET, poolSize: POOL_SIZE });
  cleanups.push({ label: 'close the floor', run: () => floor.close() });
  const firstPage = await checkAgreement(api.graphqlUrl, floor.url, fixture, step);
  const bare = await startBareFramework(firstPage);
  cleanups.push({ label: 'close the bare stack', run: () => bare.close() });
  const target: Target = { graphqlUrl: api.graphqlUrl, floorUrl: floor.url, bareUrl: bare.url, ...fixture };
  const statements = await countStatements(target);
  const runs = await runLoads(target, fixture.db, database.name, step);
  const after = await countData(fixture.db, fixture.spaceId);
  await printReport({ database, fixture, statements, runs, commentsAfter: after.comments });
  return reportFailures(runs);
}

interface Fixture {
  readonly db: Pool;
  readonly token: string;
  readonly spaceId: string;
  readonly data: Awaited<ReturnType<typeof loadThreads>>;
  readonly spread: { min: number; median: number; max: number };
}

/** The reader signed in, a PUBLIC space created through the API, and its threads and comments bulk-loaded. */
async function loadFixture(db: Pool, graphqlUrl: string, step: Step): Promise<Fixture> {
  const token = await signIn(graphqlUrl, READER_EMAIL);
  const [{ id: fmoId }] = (await db.query<{ id: string }>(`SELECT id FROM organizations WHERE acronym = 'FMO'`)).rows;
  const [{ id: readerId }] = (await db.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [READER_EMAIL]))
    .rows;
  const authorIds = (
    await db.query<{ id: string }>(`SELECT id FROM users WHERE status = 'ACTIVE' ORDER BY email`)
  ).rows.map((row) => row.id);
  const created = await gql<{ createSpace: { space: { id: string } } }>(
    graphqlUrl,
    `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
    { input: { name: 'Benchmark space', slug: 'bench-threads', ownerOrganizationId: fmoId, visibility: 'PUBLIC' } },
    token,
  );
  const spaceId = created.createSpace.space.id;
  step(`bulk-loading ${THREADS} threads and ${COMMENTS} comments`);
  const data = await loadThreads(db, { spaceId, readerId, authorIds, threads: THREADS, comments: COMMENTS });
  step(
    `loaded: ${data.threads} threads, ${data.comments} comments, ${data.threadReads} thread_reads rows; VACUUM ANALYZE done`,
  );
  const [spread] = (
    await db.query<{ min: number; median: number; max: number }>(
      `SELECT min(n)::int AS min, (percentile_disc(0.5) WITHIN GROUP (ORDER BY n))::int AS median, max(n)::int AS max
         FROM (SELECT count(*) AS n FROM comments WHERE subject_type = 'THREAD' AND subject_id = ANY($1::uuid[]) GROUP BY subject_id) AS per_thread`,
      [data.threadIds],
    )
  ).rows;
  return { db, token, spaceId, data, spread };
}

/** Where both sides answer, and what they are asked for. */
interface Target {
  readonly graphqlUrl: string;
  readonly floorUrl: string;
  /** NestJS + Apollo alone, answering the same page from memory (bare-framework.ts). */
  readonly bareUrl: string;
  readonly token: string;
  readonly spaceId: string;
  readonly data: Fixture['data'];
}

const authHeaders = (target: Pick<Target, 'token'>) => ({ authorization: `Bearer ${target.token}` });

/** Both sides answer the same first page, or the comparison means nothing. */
async function checkAgreement(
  graphqlUrl: string,
  floorUrl: string,
  target: Pick<Target, 'token' | 'spaceId'>,
  step: Step,
): Promise<BareRow[]> {
  const apiPage = await gql<{ space: { threads: { edges: { node: Record<string, unknown> }[] } } }>(
    graphqlUrl,
    LIST_QUERY,
    { id: target.spaceId },
    target.token,
  );
  const apiThreads = apiPage.space.threads.edges.map((edge) => edge.node);
  const floorThreads = (
    (await (await fetch(`${floorUrl}/threads?space=${target.spaceId}`, { headers: authHeaders(target) })).json()) as {
      threads: Record<string, unknown>[];
    }
  ).threads;
  expectSamePage('the first page of threads', apiThreads, floorThreads);
  step(
    `API and floor agree on the first page (${apiThreads.length} threads; replies ${rangeOf(apiThreads, 'replyCount')}, ` +
      `unread ${rangeOf(apiThreads, 'unreadCount')}, participants ${rangeOf(apiThreads, 'participantCount')})`,
  );
  return apiThreads as unknown as BareRow[];
}

interface Statements {
  readonly listApi: number;
  readonly listFloor: number;
  readonly replyApi: number;
  readonly replyFloor: number;
}

/** SQL round trips per request, counted on a few sequential requests (the pg driver is shared by both sides). */
async function countStatements(target: Target): Promise<Statements> {
  const threadId = target.data.threadIds[target.data.threadIds.length - 1];
  const body = 'Statement count probe.';
  return {
    listApi: await statementsPer(() => gql(target.graphqlUrl, LIST_QUERY, { id: target.spaceId }, target.token)),
    listFloor: await statementsPer(async () =>
      expectOk(await fetch(`${target.floorUrl}/threads?space=${target.spaceId}`, { headers: authHeaders(target) })),
    ),
    replyApi: await statementsPer(() =>
      gql(
        target.graphqlUrl,
        POST_MUTATION,
        { input: { subjectType: 'THREAD', subjectId: threadId, body } },
        target.token,
      ),
    ),
    replyFloor: await statementsPer(async () =>
      expectOk(
        await fetch(`${target.floorUrl}/reply`, {
          method: 'POST',
          headers: { ...authHeaders(target), 'content-type': 'application/json' },
          body: JSON.stringify({ threadId, body }),
        }),
      ),
    ),
  };
}

/** The four runs, one after the other, each after a warm-up, with the CPU each side spent. */
async function runLoads(target: Target, db: Pool, databaseName: string, step: Step): Promise<Run[]> {
  const loader = startLoader<LoadJob, LoadResult>('threads.load.ts');
  cleanups.push({ label: 'stop the load generator', run: async () => void loader.child.kill() });
  const runs: Run[] = [];
  const measure = async (scenario: string, side: Side, job: Omit<LoadJob, 'connections' | 'seconds'>) => {
    step(`${scenario} — ${side}: ${WARMUP_SECONDS} s warm-up, ${DURATION_SECONDS} s measured`);
    await loader.run({ ...job, connections: CONNECTIONS, seconds: WARMUP_SECONDS });
    // CPU spent while measuring: this process (it hosts the API and the floor; the load runs elsewhere) and the
    // PostgreSQL backends serving the bench database (from /proc, when they are local and readable).
    const pgBefore = await backendCpuMs(db, databaseName);
    const nodeBefore = process.cpuUsage();
    const result = await profiled(`${scenario}-${side}`, () =>
      loader.run({ ...job, connections: CONNECTIONS, seconds: DURATION_SECONDS }),
    );
    const node = process.cpuUsage(nodeBefore);
    const pgAfter = await backendCpuMs(db, databaseName);
    const pgCpuMs = pgBefore === null || pgAfter === null ? null : cpuDelta(pgBefore, pgAfter);
    runs.push({ scenario, side, result, nodeCpuMs: (node.user + node.system) / 1000, pgCpuMs });
  };
  const auth = authHeaders(target);
  const gqlHeaders = { ...auth, 'content-type': 'application/json' };
  const graphql = { url: target.graphqlUrl, method: 'POST', path: '/graphql', headers: gqlHeaders } as const;
  const threadIds = target.data.threadIds;
  await measure(LIST, 'API', {
    ...graphql,
    body: JSON.stringify({ query: LIST_QUERY, variables: { id: target.spaceId } }),
  });
  await measure(LIST, 'floor', {
    url: target.floorUrl,
    method: 'GET',
    path: `/threads?space=${target.spaceId}`,
    headers: auth,
  });
  await measure(LIST, 'bare stack', {
    url: target.bareUrl,
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LIST_QUERY, variables: { id: target.spaceId } }),
  });
  await measure(REPLY, 'API', { ...graphql, reply: { threadIds, shape: 'graphql', mutation: POST_MUTATION } });
  await measure(REPLY, 'floor', {
    url: target.floorUrl,
    method: 'POST',
    path: '/reply',
    headers: { ...auth, 'content-type': 'application/json' },
    reply: { threadIds, shape: 'floor' },
  });
  return runs;
}

/** The setting, the table of runs, the ratios and the goals. */
async function printReport(report: {
  database: { name: string; source: string };
  fixture: Fixture;
  statements: Statements;
  runs: Run[];
  commentsAfter: number;
}): Promise<void> {
  const { database, fixture, statements, runs } = report;
  const { data, spread } = fixture;
  const [{ server_version: pgVersion }] = (await fixture.db.query<{ server_version: string }>(`SHOW server_version`))
    .rows;
  console.log('');
  console.log('Threads benchmark — API (NestJS + Apollo + TypeORM) vs floor (node:http + raw SQL through pg)');
  console.log(
    `machine: ${machineDescription()}; ` +
      `1-min load average ${loadBefore.toFixed(2)} at start (anything else running skews the figures); RSS ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MB after the runs`,
  );
  console.log(
    `database: ${database.source}, PostgreSQL ${pgVersion}; API and floor pools: ${POOL_SIZE} connections each`,
  );
  console.log(
    `data: 1 PUBLIC space, ${data.threads} threads, ${data.comments} comments (per thread: min ${spread.min}, median ${spread.median}, max ${spread.max}), ` +
      `${data.threadReads} thread_reads rows for ${READER_EMAIL}; after the runs: ${report.commentsAfter} comments`,
  );
  console.log(
    `load: autocannon, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${DURATION_SECONDS} s per run, in a child process; ` +
      `API and floor run one after the other; replies go to the ${data.threadIds.length} threads in turn; latencies in whole ms (autocannon's histogram)`,
  );
  console.log(
    'CPU ms/req: CPU time during the measured run ÷ requests — "Node": this process (API or floor; the load generator ' +
      'is a separate process), "PG": the PostgreSQL backends of the bench database (includes the API\'s session check)',
  );
  console.log(
    `SQL statements per request: list API ${statements.listApi}, floor ${statements.listFloor}; ` +
      `reply API ${statements.replyApi}, floor ${statements.replyFloor} (BEGIN/COMMIT included); ` +
      `statement texts the API prepared: ${API_STATEMENT_NAMES.prepared} of at most ${MAX_PREPARED_STATEMENTS}`,
  );
  console.log('');
  printRuns(runs);
  console.log('');
  printRatios(runs);
  printStackAlone(runs);
  console.log('');
  printGoals(runs, statements, LIST, REPLY);
}

function printRuns(runs: readonly Run[]): void {
  const header = [
    'scenario',
    'side',
    'req/s',
    'p50 ms',
    'p97.5 ms',
    'p99 ms',
    'requests',
    'errors',
    'non-2xx',
    'gql errors',
    'Node CPU ms/req',
    'PG CPU ms/req',
  ];
  const rows = runs.map(({ scenario, side, result, nodeCpuMs, pgCpuMs }) => [
    scenario,
    side,
    result.requestsPerSecond.toFixed(0),
    String(result.latency.p50),
    String(result.latency.p97_5),
    String(result.latency.p99),
    String(result.total),
    String(result.errors + result.timeouts),
    String(result.non2xx),
    String(result.bodyErrors),
    (nodeCpuMs / Math.max(1, result.total)).toFixed(2),
    pgCpuMs === null ? 'n/a' : (pgCpuMs / Math.max(1, result.total)).toFixed(2),
  ]);
  printTable(header, rows);
}

function printRatios(runs: readonly Run[]): void {
  const ratioRows = [LIST, REPLY].map((scenario) => {
    const api = runs.find((run) => run.scenario === scenario && run.side === 'API')!.result;
    const base = runs.find((run) => run.scenario === scenario && run.side === 'floor')!.result;
    return [
      scenario,
      `${(base.requestsPerSecond / api.requestsPerSecond).toFixed(2)}×`,
      `${(api.latency.p50 / base.latency.p50).toFixed(2)}×`,
      `${(api.latency.p99 / base.latency.p99).toFixed(2)}×`,
    ];
  });
  printTable(['scenario', 'throughput floor/API', 'p50 latency API/floor', 'p99 latency API/floor'], ratioRows);
}

/**
 * What NestJS + Apollo cost on their own for the list (no database, authentication or logging), against what the
 * API ÷ floor goal leaves the API: with the CPU the bottleneck, throughput goes as 1 ÷ (Node + PG CPU per request).
 */
function printStackAlone(runs: readonly Run[]): void {
  const of = (side: Side) => runs.find((run) => run.scenario === LIST && run.side === side);
  const [api, floor, bare] = [of('API'), of('floor'), of('bare stack')];
  if (!api || !floor || !bare) return;
  const perRequest = (run: Run, cpu: number | null) => (cpu ?? 0) / Math.max(1, run.result.total);
  const bareMs = perRequest(bare, bare.nodeCpuMs);
  const floorTotal = perRequest(floor, floor.nodeCpuMs) + perRequest(floor, floor.pgCpuMs);
  const apiPg = perRequest(api, api.pgCpuMs);
  console.log('');
  console.log(
    `the stack alone (NestJS + Apollo answering the same page from memory): ${bareMs.toFixed(2)} ms of Node CPU per list ` +
      `request, ${bare.result.requestsPerSecond.toFixed(0)} req/s; the API spends ${perRequest(api, api.nodeCpuMs).toFixed(2)} ms. ` +
      `API ÷ floor ≥ 0.5 asks for the API's Node + PG CPU ≤ 2 × the floor's ${floorTotal.toFixed(2)} ms = ${(2 * floorTotal).toFixed(2)} ms ` +
      `(its PG part alone is ${apiPg.toFixed(2)} ms)`,
  );
  // The least the API could spend: the stack alone, plus the page's own work at the floor's cost, plus (not counted
  // here) the session check the floor does not make. Under the budget only when the stack alone costs less than the
  // floor's whole request.
  const leastApi = bareMs + floorTotal;
  console.log(
    `least the API could spend (the stack alone + the floor's whole request, the session check not counted): ` +
      `${leastApi.toFixed(2)} ms against the goal's ${(2 * floorTotal).toFixed(2)} ms: ` +
      (leastApi <= 2 * floorTotal
        ? `reachable only if reading, authorising and shaping the page cost under ${(2 * floorTotal - leastApi).toFixed(2)} ms`
        : `out of reach on this machine whatever the API's own code costs`),
  );
}

/** 1 when any request failed (the figures are then not valid), else 0. */
function reportFailures(runs: readonly Run[]): number {
  const failed = runs.filter(({ result }) => result.errors + result.timeouts + result.non2xx + result.bodyErrors > 0);
  if (failed.length === 0) return 0;
  console.log('');
  for (const { scenario, side, result } of failed) {
    console.log(
      `FAILED REQUESTS in ${scenario} — ${side}: ${result.errorSamples.join(' | ') || '(connection errors or timeouts)'}`,
    );
  }
  console.log('Some requests failed: the figures above are not valid.');
  return 1;
}

// ---------------------------------------------------------------------------------------------------------------

interface Run {
  scenario: string;
  side: Side;
  result: LoadResult;
  nodeCpuMs: number;
  pgCpuMs: number | null;
}

/** Issue 15's goals, each beside its figure (the machine's load moves latencies most, CPU per request and ratios least). */
function printGoals(
  runs: readonly Run[],
  statements: { listApi: number; replyApi: number },
  list: string,
  reply: string,
): void {
  const of = (scenario: string, side: 'API' | 'floor') => runs.find((r) => r.scenario === scenario && r.side === side)!;
  const cpu = (run: Run) => run.nodeCpuMs / Math.max(1, run.result.total);
  const ratio = (scenario: string) =>
    of(scenario, 'API').result.requestsPerSecond / of(scenario, 'floor').result.requestsPerSecond;
  const goals: [string, string, boolean][] = [
    ['list: API ÷ floor throughput ≥ 0.5', ratio(list).toFixed(2), ratio(list) >= 0.5],
    ['reply: API ÷ floor throughput ≥ 0.5', ratio(reply).toFixed(2), ratio(reply) >= 0.5],
    ['list: Node CPU ≤ 2 ms per request', `${cpu(of(list, 'API')).toFixed(2)} ms`, cpu(of(list, 'API')) <= 2],
    ['reply: Node CPU ≤ 1.5 ms per request', `${cpu(of(reply, 'API')).toFixed(2)} ms`, cpu(of(reply, 'API')) <= 1.5],
    [
      'list: p50 ≤ 25 ms (10 connections)',
      `${of(list, 'API').result.latency.p50} ms`,
      of(list, 'API').result.latency.p50 <= 25,
    ],
    ['list: ≤ 3 SQL statements (session check included)', String(statements.listApi), statements.listApi <= 3],
    ['reply: ≤ 5 SQL statements', String(statements.replyApi), statements.replyApi <= 5],
  ];
  console.log(`goals (Node ${process.version}):`);
  printTable(
    ['goal', 'figure', 'met'],
    goals.map(([goal, figure, met]) => [goal, figure, met ? 'yes' : 'NO']),
  );
}
