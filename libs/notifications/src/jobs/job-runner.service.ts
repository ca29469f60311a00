import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { Logger as WorkerLogger, Runner, TaskList, WorkerEvents, parseCronItems, run, runOnce } from 'graphile-worker';
import { Pool } from 'pg';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from '../notifications.options';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

/**
 * Recurring jobs: the digests due, each hour; the deadline reminders, every five minutes; the retention of events,
 * daily at 03:17 (server time). (Given as items, not a crontab text: the crontab syntax does not accept dots in task
 * names.)
 */
export const CRON_ITEMS = [
  { task: 'digests.schedule', match: '0 * * * *', identifier: 'digests-schedule' },
  { task: 'reminders.deadlines', match: '*/5 * * * *', identifier: 'reminders-deadlines' },
  { task: 'events.prune', match: '17 3 * * *', identifier: 'events-prune' },
];

/** How long `start` waits for the worker's LISTEN connection (it retries on its own after that). */
const LISTEN_WAIT_MS = 5_000;

/**
 * The background jobs (graphile-worker, in the same PostgreSQL). Areas register their tasks at module init; the
 * worker runs inside the API process unless `WORKER_IN_PROCESS=false`, and alone with `npm run worker`. A failing
 * job is retried with exponential backoff (graphile-worker: about e^attempt seconds) up to its maximum attempts.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly tasks = new Map<string, JobHandler>();
  private pool: Pool | null = null;
  private runner: Runner | null = null;

  constructor(@Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions) {}

  register(name: string, handler: JobHandler): void {
    this.tasks.set(name, handler);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.worker.inProcess) await this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Starts picking up jobs (at once through LISTEN/NOTIFY, and by polling as a safety net). */
  async start(): Promise<void> {
    if (this.runner) return;
    // Started means listening: until its LISTEN connection is up, a stop could end the pool under it. The events
    // are the runner's own, watched before it starts so that an early connection is not missed.
    const events: WorkerEvents = new EventEmitter();
    const listening = new Promise<void>((resolve) => {
      const bound = setTimeout(resolve, LISTEN_WAIT_MS);
      events.once('pool:listen:success', () => {
        clearTimeout(bound);
        resolve();
      });
    });
    this.runner = await run({
      pgPool: this.connections(),
      taskList: this.taskList(),
      concurrency: this.options.worker.concurrency,
      noHandleSignals: true,
      pollInterval: 2000,
      parsedCronItems: parseCronItems(CRON_ITEMS),
      logger: this.workerLogger(),
      events,
    });
    await listening;
    this.logger.log(`background jobs running (${this.options.worker.concurrency} at a time)`);
  }

  async stop(): Promise<void> {
    const runner = this.runner;
    this.runner = null;
    try {
      if (runner) {
        await runner.stop();
        // Everything the runner started (its workers, its LISTEN connection, the cron scheduler) has let go of its
        // connection only once its promise settles: ending the pool before then left one in use.
        await runner.promise.catch(() => undefined);
      }
    } finally {
      // Ended whatever happened to the runner: a connection left open would be cut by the database's shutdown.
      const pool = this.pool;
      this.pool = null;
      if (pool) await pool.end();
    }
  }

  /** Runs every job that is due now, then returns: for tests and one-off maintenance (no cron, no waiting). */
  async runDueJobs(): Promise<void> {
    await runOnce({ pgPool: this.connections(), taskList: this.taskList(), logger: this.workerLogger() });
  }

  private connections(): Pool {
    if (!this.pool) {
      this.pool = new Pool({
        connectionString: this.options.databaseUrl,
        max: this.options.worker.concurrency + 2,
        application_name: 'majlis-worker',
      });
      this.pool.on('error', (error) => this.logger.warn(`job queue connection lost: ${error.message}`));
    }
    return this.pool;
  }

  private taskList(): TaskList {
    return Object.fromEntries(
      [...this.tasks].map(([name, handler]) => [
        name,
        async (payload: unknown) => handler((payload ?? {}) as Record<string, unknown>),
      ]),
    );
  }

  private workerLogger(): WorkerLogger {
    return new WorkerLogger((scope) => (level, message) => {
      if (level === 'error') this.logger.error(message, scope);
      else if (level === 'warning') this.logger.warn(message);
      else this.logger.debug?.(message);
    });
  }
}
