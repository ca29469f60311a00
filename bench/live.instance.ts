/**
 * One API instance of the live benchmark, in a child process of its own, as in production where each instance is
 * its own process with its own event loop, pool and LISTEN connection. Jobs arrive over IPC (see startLoader):
 * - `start`: creates the app on the given database (seeding the sample data when asked), listens on 127.0.0.1 and
 *   answers its GraphQL URL;
 * - `mark`: a garbage collection (the children inherit --expose-gc), then this process's memory and CPU so far;
 * - `measure` / `measured`: the CPU used between the two (and a CPU profile of this instance under BENCH_CPU_PROFILE);
 * - `close`: closes the app, then the process exits.
 */
import type { INestApplication } from '@nestjs/common';
import { EventBus, LiveAccess, createApp, loadConfig, seedSampleDataIfEmpty } from '@majlis/api';
import { startProfile } from './cpu-profile';
import { watchEventLoopDelay } from './bench-support';

export type InstanceJob =
  | { kind: 'start'; env: Record<string, string>; databaseUrl: string; seed: boolean }
  | { kind: 'mark' }
  | { kind: 'measure'; profileLabel: string }
  | { kind: 'measured' }
  | { kind: 'close' };

export interface InstanceResult {
  url?: string;
  pid?: number;
  memory?: { heapUsed: number; rss: number };
  /** CPU microseconds of this process between `measure` and `measured`. */
  cpu?: { user: number; system: number };
  /**
   * Between `measure` and `measured`: how long each event took from its recording to its arrival at this instance's
   * LISTEN connection (milliseconds, p50/p99), the part of the latency spent before the instance's own work.
   */
  arrival?: { p50: number; p99: number; events: number };
  /** Between `measure` and `measured`: the batched live access checks (events decided, batches, statements). */
  liveChecks?: { events: number; batches: number; statements: number; statementMs: number };
  /** Between `measure` and `measured`: how late this process's event loop ran its timers (ms, p50/p99/max). */
  eventLoopDelay?: { p50: number; p99: number; max: number };
}

let app: INestApplication | undefined;
let cpuFrom: NodeJS.CpuUsage | undefined;
let stopProfile: (() => Promise<void>) | undefined;
let arrivals: number[] | null = null;
let checksFrom: { events: number; batches: number; statements: number; statementMs: number } | undefined;
let stopWatchingDelay: (() => { p50: number; p99: number; max: number }) | undefined;

async function handle(job: InstanceJob): Promise<InstanceResult> {
  switch (job.kind) {
    case 'start': {
      const config = loadConfig(job.env);
      app = await createApp({ config, databaseUrl: job.databaseUrl });
      if (job.seed) await seedSampleDataIfEmpty(app);
      app.get(EventBus).subscribe((event) => arrivals?.push(Date.now() - Date.parse(event.createdAt)));
      await app.listen(0, '127.0.0.1');
      const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
      return { url: `${url}/graphql`, pid: process.pid };
    }
    case 'mark': {
      (globalThis as { gc?: () => void }).gc?.();
      const { heapUsed, rss } = process.memoryUsage();
      return { memory: { heapUsed, rss } };
    }
    case 'measure':
      stopProfile = await startProfile(job.profileLabel);
      cpuFrom = process.cpuUsage();
      arrivals = [];
      checksFrom = app!.get(LiveAccess).batchedCounts;
      stopWatchingDelay = watchEventLoopDelay();
      return {};
    case 'measured': {
      const cpu = process.cpuUsage(cpuFrom);
      const eventLoopDelay = stopWatchingDelay?.();
      stopWatchingDelay = undefined;
      const checks = app!.get(LiveAccess).batchedCounts;
      await stopProfile?.();
      const sorted = Float64Array.from(arrivals ?? []).sort();
      arrivals = null;
      const at = (q: number) =>
        sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
      return {
        cpu: { user: cpu.user, system: cpu.system },
        arrival: { p50: at(0.5), p99: at(0.99), events: sorted.length },
        liveChecks: {
          events: checks.events - checksFrom!.events,
          batches: checks.batches - checksFrom!.batches,
          statements: checks.statements - checksFrom!.statements,
          statementMs: checks.statementMs - checksFrom!.statementMs,
        },
        eventLoopDelay,
      };
    }
    case 'close':
      await app?.close();
      app = undefined;
      setImmediate(() => process.exit(0));
      return {};
  }
}

process.on('message', (job: InstanceJob) => {
  handle(job).then(
    (result) => process.send?.({ ok: true, result }),
    (error: unknown) => process.send?.({ ok: false, error: String((error as Error)?.stack ?? error) }),
  );
});
// The parent's end (or Ctrl-C reaching the group) closes the app before leaving, so no pool or LISTEN lingers.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void (app?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  });
}
process.on('disconnect', () => {
  void (app?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
