import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import type { RowsRunner } from '@majlis/kernel';
import { PreparingClient } from '../database/prepared-statements';
import { LIVE_DATABASE_URL } from './event-bus';

/**
 * How many connections an instance's live access checks have, apart from the pool of requests and writes: also how
 * many batches of checks run at once (see LiveAccess).
 */
export const LIVE_CHECK_CONNECTIONS = 2;

/**
 * The live access checks' own small pool: the batched statements that decide who receives each event never wait
 * behind the requests' and writes' statements for a connection of the app's pool, and never take one from them.
 */
@Injectable()
export class LiveChecksDatabase implements RowsRunner, OnApplicationShutdown {
  private readonly logger = new Logger('LiveChecks');
  private readonly pool: Pool;
  /** Statements run so far, and their time in milliseconds (connection wait included): the benchmark's figures. */
  statements = 0;
  statementMs = 0;
  /** Set once the app shuts down: nothing more is run, and a check failing now is not tried again. */
  closed = false;

  constructor(@Inject(LIVE_DATABASE_URL) databaseUrl: string) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: LIVE_CHECK_CONNECTIONS,
      connectionTimeoutMillis: 10_000,
      application_name: 'majlis-live-checks',
      Client: PreparingClient,
    });
    // An idle connection that drops is replaced by the next statement; a statement that fails is retried by LiveAccess.
    this.pool.on('error', (error) => this.logger.warn({ err: error }, 'live checks connection lost'));
  }

  async query(sql: string, parameters?: unknown[]): Promise<unknown[]> {
    if (this.closed) throw new Error('the live checks pool is closed');
    this.statements += 1;
    const started = performance.now();
    try {
      return (await this.pool.query(sql, parameters)).rows;
    } finally {
      this.statementMs += performance.now() - started;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.pool.end();
  }
}
