import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/**
 * Two lanes to the database pool. In a rush (a consultation's closing minutes: hundreds of drafts autosaving,
 * representatives submitting), every request waits its turn for one of the pool's connections, and the queue is
 * where the time goes (bench:deadline: ~135 callers waiting at the median). A request in the urgent lane (an
 * operation marked urgent, see graphql/urgent-lane.ts: a submission) is served before every waiting request of the
 * normal lane, for each connection it takes (its session check, then its transaction); among themselves, urgent
 * requests keep their order. The lane changes when a request is served, never what it may do or see.
 */
interface RequestLane {
  urgent: boolean;
}

const lanes = new AsyncLocalStorage<RequestLane>();

/** Express middleware: each request starts in the normal lane (its operation may then move it, markUrgent). */
export function inRequestLane(_request: unknown, _response: unknown, next: () => void): void {
  lanes.run({ urgent: false }, next);
}

/** Moves the current request to the urgent lane (nothing outside a request). */
export function markUrgent(): void {
  const lane = lanes.getStore();
  if (lane) lane.urgent = true;
}

/** Runs `work` in the urgent lane (for jobs and tests; requests are moved by markUrgent). */
export function runUrgent<T>(work: () => T): T {
  return lanes.run({ urgent: true }, work);
}

function inUrgentLane(): boolean {
  return lanes.getStore()?.urgent === true;
}

/** pg-pool's queue of callers waiting for a connection (served from the front). Not a public API: lanes.spec.ts pins it. */
interface QueuedPool {
  _pendingQueue: object[];
}

/**
 * A pg Pool (TypeORM's `driver`, laneDriver) whose queue of callers waiting for a connection serves the urgent lane
 * first. Everything else (timeouts, errors, release) is pg-pool's own: an urgent caller's place is only moved.
 */
export class LanedPool extends pg.Pool {
  private readonly urgentWaiters = new WeakSet<object>();

  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): void;
  override connect(callback?: Parameters<pg.Pool['connect']>[0]): Promise<pg.PoolClient> | void {
    const queue = (this as unknown as QueuedPool)._pendingQueue;
    const queued = queue.length;
    const result = callback ? super.connect(callback) : super.connect();
    if (inUrgentLane() && queue.length === queued + 1) this.moveAheadOfNormalLane(queue);
    return result;
  }

  /** The caller just queued (last) goes after the urgent callers already waiting, before everyone else. */
  private moveAheadOfNormalLane(queue: object[]): void {
    const waiter = queue.pop();
    if (!waiter) return;
    this.urgentWaiters.add(waiter);
    let place = 0;
    while (place < queue.length && this.urgentWaiters.has(queue[place])) place++;
    queue.splice(place, 0, waiter);
  }
}

/** The pg module as TypeORM's postgres driver loads it, with LanedPool as its Pool (the rest is pg's own). */
export const laneDriver: typeof pg = Object.create(pg, { Pool: { value: LanedPool } });
