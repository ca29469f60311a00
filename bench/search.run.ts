/** The search benchmark itself; start it through bench/search.bench.ts (see there). */
import { positiveInt } from './bench-support';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { Actor, MembershipRole, PlatformRole } from '@majlis/kernel';
import { SEARCH_WINDOW, SearchService, TERMS_SQL, preparedName, splitQuery } from '@majlis/search';
import { Cleanup, createBenchDatabase, gql, runBench, signIn, startBenchApi, stepLogger } from './bench-app';
import { startProfile } from './cpu-profile';
import { FREQUENT_WORD, SELECTIVE_WORD, loadSearchData } from './search.data';

const SCALE = scaleOf(process.env['BENCH_SCALE']);
const COMMENTS = positiveInt(process.env['BENCH_COMMENTS'], Math.round(1_000_000 * SCALE));
const ANNOTATIONS = positiveInt(process.env['BENCH_ANNOTATIONS'], Math.round(100_000 * SCALE));
/** A database to keep (created and loaded once, then reused by later runs: only pending migrations are applied). */
const KEEP = process.env['BENCH_KEEP_DATABASE'];
const RUNS = positiveInt(process.env['BENCH_RUNS'], 40);
/**
 * Unmeasured runs first: the first query measured used to follow a single warm-up request, so its p95 (the second
 * slowest of 40) and CPU carried the API's JIT warm-up (its node CPU per request fell from ~24 to ~13 ms with more
 * runs); a serving API is warm.
 */
const WARMUP = positiveInt(process.env['BENCH_WARMUP'], 10);
const READER_EMAIL = 'representant@fmo.example';
const JWT_SECRET = `bench-${randomBytes(32).toString('hex')}`;

const SEARCH = `query($query: String!, $first: Int, $prefix: Boolean) {
  search(query: $query, first: $first, prefix: $prefix) {
    totalCount totalCountIsLowerBound edges { node { id type rank title snippetHtml target { documentId versionNumber articleKey start end annotationId commentId } } }
    facets { types { type count } articles { articleKey count } } } }`;

const cleanups: Cleanup[] = [];

export function main(): Promise<number> {
  return runBench(cleanups, benchmark);
}

async function benchmark(started: number): Promise<number> {
  const step = stepLogger(started, 6);
  const loadBefore = loadavg()[0];

  const database = await createBenchDatabase(cleanups, step, { keep: KEEP });
  const { app, graphqlUrl } = await startBenchApi(
    cleanups,
    { databaseUrl: database.url, jwtSecret: JWT_SECRET, poolSize: 5, workerInProcess: true },
    step,
  );
  const { db, url: databaseUrl, source: databaseSource } = database;
  const authorIds = (await db.query<{ id: string }>(`SELECT id FROM users ORDER BY email`)).rows.map((r) => r.id);
  const organizationIds = (await db.query<{ id: string }>(`SELECT id FROM organizations ORDER BY name`)).rows.map(
    (r) => r.id,
  );

  const loaded = await isLoaded(db);
  let phases = 'kept from an earlier run';
  const loadStarted = Date.now();
  if (!loaded) {
    step(`bulk-loading ${ANNOTATIONS} annotations and ${COMMENTS} comments (generate_series), then indexing`);
    ({ phases } = await loadSearchData(db, {
      annotations: ANNOTATIONS,
      comments: COMMENTS,
      authorIds,
      organizationIds,
    }));
    await markLoaded(db, ANNOTATIONS, COMMENTS);
  } else {
    step(`data kept from an earlier run (${loaded}); BENCH_SCALE/BENCH_COMMENTS/BENCH_ANNOTATIONS ignored`);
  }
  const [counts] = (
    await db.query<{ annotations: number; comments: number; size: string }>(
      `SELECT (SELECT count(*) FROM annotations)::int AS annotations, (SELECT count(*) FROM comments)::int AS comments,
              pg_size_pretty(pg_relation_size('comments_search')) AS size`,
    )
  ).rows;
  step(
    loaded
      ? `${counts.annotations} annotations, ${counts.comments} comments (${phases}; comments' GIN index: ${counts.size})`
      : `loaded ${counts.annotations} annotations, ${counts.comments} comments in ${((Date.now() - loadStarted) / 1000).toFixed(0)} s (${phases}) ` +
          `(comments' GIN index: ${counts.size}); VACUUM ANALYZE done`,
  );

  const token = await signIn(graphqlUrl, READER_EMAIL);
  const actor = await actorOf(db, READER_EMAIL);
  const search = app.get(SearchService);
  const dataSource = app.get(DataSource);
  const floorPool = new Pool({ connectionString: databaseUrl, max: 1 });
  cleanups.push({ label: 'close the floor pool', run: () => floorPool.end() });
  const floorClient = await floorPool.connect();
  cleanups.push({ label: 'release the floor client', run: async () => floorClient.release() });

  // Goals of issue 12, on the API's p95 (the frequent term's first page too).
  const cases = [
    { label: `selective "${SELECTIVE_WORD}" (first 20)`, query: SELECTIVE_WORD, first: 20, prefix: false, goal: 20 },
    { label: `frequent "${FREQUENT_WORD}" (first 20)`, query: FREQUENT_WORD, first: 20, prefix: false, goal: 100 },
    { label: `typing "entrep" (prefix, first 5)`, query: 'entrep', first: 5, prefix: true, goal: null },
  ];
  // The floor runs serial too, as the search does (its transaction turns parallel plans off).
  await floorClient.query(`SET max_parallel_workers_per_gather = 0`);
  const rows: string[][] = [];
  const plans: string[] = [];
  for (const entry of cases) {
    const variables = { query: entry.query, first: entry.first, prefix: entry.prefix };
    const first = await gql<{ search: { totalCount: number; totalCountIsLowerBound: boolean } }>(
      graphqlUrl,
      SEARCH,
      variables,
      token,
    );
    const terms = await search.terms(entry.query, entry.prefix);
    const { sql, params } = search.statement(actor, terms, {}, entry.first, null);
    const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, params, {});
    const split = splitQuery(entry.query, entry.prefix);
    // The floor: the same window over the two big tables in bare SQL (the newest SEARCH_WINDOW matches of each,
    // ranked), without permissions, facets nor details; the tsquery computed inline.
    const bare = `SELECT id FROM (
        SELECT id, ts_rank_cd(search_vector, search_query($1, $2), 32) AS rank FROM (SELECT id, search_vector
          FROM comments WHERE subject_type = 'ANNOTATION' AND search_vector @@ search_query($1, $2) ORDER BY created_at DESC LIMIT ${SEARCH_WINDOW}) c
        UNION ALL
        SELECT id, ts_rank_cd(search_vector, search_query($1, $2), 32) FROM (SELECT id, search_vector
          FROM annotations WHERE search_vector @@ search_query($1, $2) ORDER BY created_at DESC LIMIT ${SEARCH_WINDOW}) a
      ) hits ORDER BY rank DESC, id DESC LIMIT $3`;
    const bareValues = [split.text, split.prefix, entry.first];
    // What the search service sends: the terms, then the search statement (two statements, one after the other);
    // a rare term's as a named statement, prepared on the connection once and then bound (its generic plan).
    const name = terms.rare ? preparedName(text) : null;
    const searchStatement = () => floorClient.query(name ? { name, text, values } : { text, values });
    const statements = async () => {
      await floorClient.query('BEGIN');
      await floorClient.query(TERMS_SQL, [split.text, split.prefix, entry.query, terms.fuzzy !== null]);
      await searchStatement();
      await floorClient.query('COMMIT');
    };
    // Node's CPU per API request (this process: the API and its HTTP client both); BENCH_CPU_PROFILE profiles it.
    const request = () => gql(graphqlUrl, SEARCH, variables, token);
    for (let index = 0; index < WARMUP; index++) await request();
    const stopProfile = await startProfile(`search-api-${entry.query}`);
    const cpuBefore = process.cpuUsage();
    const api = await timeRuns(request);
    const cpu = process.cpuUsage(cpuBefore);
    await stopProfile();
    const statement = await timeRuns(statements);
    const floor = await timeRuns(() => floorClient.query(bare, bareValues));
    await floorClient.query('BEGIN');
    await floorClient.query(TERMS_SQL, [split.text, split.prefix, entry.query, terms.fuzzy !== null]);
    // EXPLAIN EXECUTE takes its arguments as literals (a utility statement binds no parameters).
    const literal = (value: unknown): string =>
      value === null || value === undefined
        ? 'NULL'
        : floorClient.escapeLiteral(
            Array.isArray(value) ? `{${value.map((v) => `"${String(v)}"`).join(',')}}` : String(value),
          );
    const plan = (
      name
        ? await floorClient.query(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE ${name}(${values.map(literal).join(', ')})`)
        : await floorClient.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)
    ).rows.map(planLine);
    await floorClient.query('COMMIT');
    const how = name ? 'rare: its prepared generic plan' : 'planned for its tsquery';
    plans.push(`--- ${entry.label}: the search statement (${how}) ---\n${plan.join('\n')}`);
    const barePlan = (await floorClient.query(`EXPLAIN (ANALYZE, BUFFERS) ${bare}`, bareValues)).rows.map(planLine);
    plans.push(`--- ${entry.label}: the bare floor ---\n${barePlan.join('\n')}`);
    const apiP95 = percentile(api, 0.95);
    rows.push([
      `${entry.label}${name ? ' [prepared]' : ''}`,
      `${first.search.totalCountIsLowerBound ? '≥ ' : ''}${first.search.totalCount}`,
      entry.goal === null ? '-' : `≤ ${entry.goal} ms`,
      ms((cpu.user + cpu.system) / 1000 / (RUNS + 1)), // timeRuns: one more warm-up, then RUNS
      ms(percentile(api, 0.5)),
      ms(apiP95),
      ms(percentile(statement, 0.95)),
      `${timing(plan, 'Planning')} + ${timing(plan, 'Execution')}`,
      ms(percentile(floor, 0.95)),
      `${(apiP95 / percentile(floor, 0.95)).toFixed(1)}×`,
      entry.goal === null ? '-' : apiP95 <= entry.goal ? 'met' : 'MISSED',
    ]);
  }

  console.log('\nQuery plans (EXPLAIN ANALYZE, BUFFERS):\n');
  console.log(plans.join('\n\n'));
  console.log(`\nSearch over ${counts.comments} comments, ${counts.annotations} annotations and the sample circular,`);
  console.log(`as ${READER_EMAIL} (a federation representative: every permission rule applies)`);
  console.log(`database: ${databaseSource}; ${RUNS} sequential runs per query after warm-up (API: ${WARMUP} + 1)`);
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ` +
      `load average ${loadBefore.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} now (shared with other work)\n`,
  );
  const header = [
    'query',
    'hits',
    'goal',
    'node CPU',
    'API p50',
    'API p95',
    'stmt p95',
    'plan + exec',
    'floor p95',
    'API/floor',
    '',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(
    `\nAPI: GraphQL over HTTP (sign-in check, the search's transaction, snippets); node CPU: this process's CPU per API
request (the API and the benchmark's HTTP client: a figure that load does not inflate as much as latency). stmt: what the search sends, straight
to PostgreSQL (BEGIN, the terms, the search statement, COMMIT; [prepared]: a rare term's statement is prepared
once per connection and runs its generic plan, so its planning time is ~0 after the first run); plan + exec: its planning and execution times in the
EXPLAIN ANALYZE above. floor: bare SQL over comments and annotations, the same window of the ${SEARCH_WINDOW} newest
matches of each ranked, without permissions, facets nor details. API/floor: the ratio of their p95. Goals (issue 12):
selective term p95 ≤ 20 ms, first page of a frequent term ≤ 100 ms (the API's p95). A frequent term ranks the newest
${SEARCH_WINDOW} readable matches of each kind; its counts are then "at least" (≥).`,
  );
  return 0;
}

function planLine(row: Record<string, string>): string {
  return row['QUERY PLAN'];
}

/** "Planning Time: 4.2 ms" → "4.2 ms". */
function timing(plan: string[], what: 'Planning' | 'Execution'): string {
  const found = plan.map((line) => new RegExp(`^${what} Time: ([0-9.]+) ms`).exec(line)).find(Boolean);
  return found ? `${Number(found[1]).toFixed(1)}` : '?';
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** BENCH_SCALE: a fraction of the full size (1,000,000 comments, 100,000 annotations), e.g. 0.1 while working. */
function scaleOf(raw: string | undefined): number {
  const value = Number(raw);
  return raw && Number.isFinite(value) && value > 0 && value <= 10 ? value : 1;
}

/** What an earlier run loaded into a kept database (its note on the bench marker table), or null. */
async function isLoaded(db: Pool): Promise<string | null> {
  const { rows } = await db.query<{ note: string }>(
    `SELECT obj_description(to_regclass('bench_search_loaded'), 'pg_class') AS note`,
  );
  return rows[0]?.note ?? null;
}

async function markLoaded(db: Pool, annotations: number, comments: number): Promise<void> {
  await db.query(`CREATE TABLE bench_search_loaded ()`);
  await db.query(
    `COMMENT ON TABLE bench_search_loaded IS '${annotations} annotations, ${comments} comments, loaded ${new Date().toISOString()}'`,
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

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
