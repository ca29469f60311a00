/** Anything that runs SQL: a TypeORM EntityManager or QueryRunner, a DataSource, a pg client. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface JobOptions {
  /** A job with the same key that has not started yet is replaced (debounce, one digest per person). */
  readonly jobKey?: string;
  /** Not before this instant (default: now). */
  readonly runAt?: Date;
  /** Attempts before the job is given up (default 10 here; each retry waits exponentially longer). */
  readonly maxAttempts?: number;
}

/**
 * Enqueues a background job in the caller's transaction (the outbox pattern): when the write that causes it rolls
 * back, the job disappears with it, and a committed write always has its job. The queue is graphile-worker's, in
 * the same PostgreSQL database (schema `graphile_worker`, installed by the migrations); workers pick jobs up at
 * once through LISTEN/NOTIFY.
 */
export async function enqueueJob(
  db: SqlRunner,
  task: string,
  payload: Record<string, unknown>,
  options: JobOptions = {},
): Promise<void> {
  await db.query(
    `SELECT graphile_worker.add_job($1::text, $2::json, run_at => $3::timestamptz, max_attempts => $4::int,
                                    job_key => $5::text)`,
    [task, JSON.stringify(payload), options.runAt ?? null, options.maxAttempts ?? 10, options.jobKey ?? null],
  );
}
