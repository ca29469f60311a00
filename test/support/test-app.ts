import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { Actor, ActorMembership, Clock, PlatformRole } from '@majlis/kernel';
import { AppConfig, SAMPLE_PASSWORD, createApp, loadConfig, migrate, seedSampleDataIfEmpty } from '@majlis/api';

/** The server clock of a test app: real time plus an offset the test moves forward. */
export class TestClock extends Clock {
  private offsetMs = 0;
  private frozenAt: number | null = null;
  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }
  advance(milliseconds: number): void {
    if (this.frozenAt !== null) this.frozenAt += milliseconds;
    else this.offsetMs += milliseconds;
  }
  /** Stops time at an exact instant (to the millisecond), e.g. one millisecond before a deadline. */
  freeze(at: Date): void {
    this.frozenAt = at.getTime();
  }
  unfreeze(): void {
    this.frozenAt = null;
  }
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly data: T | null;
  readonly errors:
    { message: string; path?: string[]; extensions: { code: string; [key: string]: unknown } }[] | undefined;
}

export interface TestApp {
  /** The Nest application itself, for the rare test that inspects its internals (the served schema). */
  readonly nest: INestApplication;
  readonly graphqlUrl: string;
  readonly baseUrl: string;
  readonly databaseUrl: string;
  /** The configuration the app runs with (e.g. the audit key and checkpoint file, for `verifyAuditTrail`). */
  readonly config: AppConfig;
  readonly clock: TestClock;
  /** A direct connection to this suite's database, for checking what was (not) written. */
  readonly db: Pool;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  signIn(email: string, password?: string): Promise<{ accessToken: string; refreshToken: string }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment overrides, as the app would read them. */
  readonly env?: Record<string, string>;
  /** Load the sample organisations and demo accounts (the default). */
  readonly seed?: boolean;
  /** The PostgreSQL server to create the suite's database on (default: the one shared by the run). */
  readonly adminUrl?: string;
  /** Serve this built web client at / (the browser tests). */
  readonly webRoot?: string;
  /**
   * A second API instance on the database of this one (another port, same data): for what must work across
   * instances. It neither migrates nor seeds, and leaves the database to the first one to drop.
   */
  readonly sameDatabaseAs?: TestApp;
}

/**
 * Apps this suite started (or is starting) and has not closed. `closeUnclosedTestApps` (run by the suites'
 * environment once all their hooks have run, see e2e-environment.ts) closes them, so that a `beforeAll` that failed or timed out while the app was
 * starting, or a suite that forgot `close()`, leaves no server, pool or database behind.
 */
const unclosed = new Set<Promise<TestApp>>();

/** Starts the real app on a fresh database of its own, listening on a random local port. */
export function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const starting = launch(options, () => unclosed.delete(starting));
  unclosed.add(starting);
  // A failed start has already closed what it had started (launch's catch).
  starting.catch(() => unclosed.delete(starting));
  return starting;
}

/** Waits for the apps still starting and closes every app not closed yet (see `unclosed`). */
export async function closeUnclosedTestApps(): Promise<void> {
  const results = await Promise.allSettled([...unclosed]);
  for (const result of results) if (result.status === 'fulfilled') await result.value.close();
}
// For the environment's teardown (e2e-environment.ts), which runs outside the suite's module registry.
(globalThis as { __majlisCloseUnclosedTestApps?: () => Promise<void> }).__majlisCloseUnclosedTestApps =
  closeUnclosedTestApps;

/** Runs undo steps in reverse order of their registration, each even if an earlier one failed; throws the first failure. */
async function unwind(undo: (() => Promise<unknown>)[]): Promise<void> {
  let failure: unknown = null;
  for (const step of undo.splice(0).reverse()) {
    try {
      await step();
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== null) throw failure;
}

async function launch(options: TestAppOptions, onClosed: () => void): Promise<TestApp> {
  const adminUrl = options.adminUrl ?? process.env['MAJLIS_E2E_ADMIN_URL'];
  if (!adminUrl) throw new Error('MAJLIS_E2E_ADMIN_URL is not set: run the suites through the e2e Jest config');
  const shared = options.sameDatabaseAs;
  const databaseName = shared
    ? new URL(shared.databaseUrl).pathname.slice(1)
    : `majlis_e2e_${randomBytes(6).toString('hex')}`;
  const databaseUrl = shared ? shared.databaseUrl : withDatabase(adminUrl, databaseName);
  // What has been started so far, to be undone (in reverse) by close() or by a failed start.
  const undo: (() => Promise<unknown>)[] = [];
  try {
    const admin = new Pool({ connectionString: adminUrl, max: 1 });
    undo.push(() => admin.end());
    if (!shared) {
      await admin.query(`CREATE DATABASE ${databaseName}`);
      undo.push(() => admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
      await migrate(databaseUrl);
    }

    const scratch = mkdtempSync(join(tmpdir(), 'majlis-e2e-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      SEED_SAMPLE_DATA: 'false',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '5',
      AUDIT_HMAC_KEY: 'e2e-audit-key-e2e-audit-key-e2e-audit-key',
      // Checkpoints of this suite's chains only, beside no other suite's.
      AUDIT_CHECKPOINT_FILE: join(scratch, 'audit-checkpoints.jsonl'),
      // E-mails of this suite only; its jobs run when a test says so (JobRunner.runDueJobs), not in the background.
      MAIL_OUTBOX_DIR: join(scratch, 'outbox'),
      WORKER_IN_PROCESS: 'false',
      ...options.env,
    });
    const clock = new TestClock();
    const app: INestApplication = await createApp({ config, databaseUrl, clock, webRoot: options.webRoot });
    undo.push(() => app.close());
    if (options.seed !== false && !shared) await seedSampleDataIfEmpty(app);
    await app.listen(0, '127.0.0.1');
    const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const graphqlUrl = `${baseUrl}/graphql`;
    const db = new Pool({ connectionString: databaseUrl, max: 2 });
    undo.push(() => db.end());
    // An idle connection cut by a stopped server (the outage suite) must not crash the test run.
    for (const pool of [admin, db]) pool.on('error', () => undefined);

    const gql = async <T>(
      query: string,
      variables?: Record<string, unknown>,
      token?: string,
    ): Promise<GraphQLResponse<T>> => {
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T | null; errors?: GraphQLResponse<T>['errors'] };
      return { status: response.status, headers: response.headers, data: body.data ?? null, errors: body.errors };
    };

    let closing: Promise<void> | null = null;
    return {
      nest: app,
      graphqlUrl,
      databaseUrl,
      config,
      baseUrl,
      clock,
      db,
      gql,
      async signIn(email: string, password = SAMPLE_PASSWORD) {
        const result = await gql<{ signIn: { accessToken: string; refreshToken: string } }>(
          `mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken } }`,
          { input: { email, password } },
        );
        if (!result.data) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(result.errors)}`);
        return result.data.signIn;
      },
      /** Closes the app, its pools and (unless it shares another's) drops its database; a second call waits for the first. */
      close() {
        closing ??= unwind(undo).finally(onClosed);
        return closing;
      },
    };
  } catch (error) {
    await unwind(undo).catch(() => undefined); // the start's own error is the one to report
    throw error;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The first error's code and reason (`DEADLINE_PASSED/DOCUMENT_CLOSED`), or 'OK': which refusal it was. */
export function refusal(response: GraphQLResponse): string {
  const error = response.errors?.[0];
  return error ? `${error.extensions.code}/${String(error.extensions['reason'])}` : 'OK';
}

/** The error code of the first error, or 'OK' when the operation succeeded: what a matrix row asserts. */
export function outcome(response: GraphQLResponse): string {
  return response.errors?.length ? response.errors[0].extensions.code : 'OK';
}

/** The actor (id, platform role, memberships) of an account, as the API builds it on sign-in: what a policy check takes. */
export async function actorOf(app: TestApp, email: string): Promise<Actor> {
  const { rows } = await app.db.query<{ id: string; platform_role: PlatformRole; memberships: ActorMembership[] }>(
    `SELECT u.id, u.platform_role, COALESCE((SELECT json_agg(json_build_object('organizationId', m.organization_id,
            'role', m.role)) FROM memberships m WHERE m.user_id = u.id), '[]') AS memberships
       FROM users u WHERE u.email = $1`,
    [email],
  );
  return { userId: rows[0].id, platformRole: rows[0].platform_role, memberships: rows[0].memberships };
}
