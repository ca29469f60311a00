/**
 * What the benchmarks share: running with the app's path aliases, database URLs, ports and settings.
 */
import { ChildProcess, fork, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * The app's `@majlis/*` path aliases resolve only when @swc-node/register reads tsconfig.base.json, which it does
 * when SWC_NODE_PROJECT points at it: without it, the benchmark re-runs itself with that variable set (Ctrl-C
 * reaches the child too, which cleans up; the parent waits for it). Otherwise `main` runs and its code is the exit.
 */
export function runWithAliases(main: () => Promise<number>): void {
  if (!process.env['SWC_NODE_PROJECT']) {
    const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      // NODE_ENV=production as deployed (Dockerfile): graphql-js, Express and others choose their code paths by it when
      // they load (graphql-js's development instanceOf alone was ~1.5% of a thread list's CPU), whatever the config says.
      env: {
        ...process.env,
        NODE_ENV: process.env['NODE_ENV'] ?? 'production',
        SWC_NODE_PROJECT: resolve(__dirname, '..', 'tsconfig.base.json'),
      },
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
    return;
  }
  main().then((code) => process.exit(code));
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function positiveInt(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** A load generator forked into its own process (so it shares no event loop with the server it measures). */
export interface Loader<Job, Result> {
  readonly child: ChildProcess;
  run(job: Job): Promise<Result>;
}

/** Forks `script` (beside this file); each job is sent over IPC and answered by `{ ok, result | error }`. */
export function startLoader<Job extends object, Result>(script: string): Loader<Job, Result> {
  const child = fork(join(__dirname, script), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    child,
    run(job) {
      return new Promise((resolveRun, reject) => {
        const onExit = (code: number | null) => reject(new Error(`the load generator exited (${code})`));
        child.once('exit', onExit);
        child.once('message', (message: { ok: boolean; result?: Result; error?: string }) => {
          child.off('exit', onExit);
          if (message.ok && message.result) resolveRun(message.result);
          else reject(new Error(`load generator: ${message.error}`));
        });
        child.send(job);
      });
    },
  };
}

/** The machine line of a benchmark's report: Node and its NODE_ENV, CPUs, memory, platform. */
export function machineDescription(): string {
  const cpuList = cpus();
  return (
    `node ${process.version} (NODE_ENV=${process.env['NODE_ENV'] ?? ''}), ${cpuList.length} CPU(s) ` +
    `(${cpuList[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${process.platform}/${process.arch}`
  );
}

/** The event loop's delay in ms (p50, p99, max) from now until the answer is called: how late this process runs. */
export function watchEventLoopDelay(): () => { p50: number; p99: number; max: number } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return () => {
    histogram.disable();
    const ms = (nanos: number) => nanos / 1e6;
    return { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
  };
}
