import type { Actor, DomainEvent } from '@majlis/kernel';
import type { EventBus, EventScope } from './event-bus';
import type { LiveAccess } from './live-access';
import type { LiveFanout, LiveSubscriber } from './live-fanout';

/**
 * One subscriber's events, as an async iterator for graphql-ws: the events of its scope that it may read, in
 * `seq` order. Live events come decided from the instance's LiveFanout. With `after`, it joins the fan-out before
 * catching up (events after `after`, from the table, each checked for this person), holds the live events that
 * arrive meanwhile, then hands them over: nothing falls between the two, and nothing comes twice (by `seq`).
 */
export class LiveStream implements AsyncIterableIterator<DomainEvent>, LiveSubscriber {
  private readonly ready: DomainEvent[] = [];
  private readonly waiting: {
    resolve: (result: IteratorResult<DomainEvent>) => void;
    reject: (error: unknown) => void;
  }[] = [];
  /** Why the stream ended early (the catch-up failed, e.g. RESYNC_REQUIRED): the next read throws it, once. */
  private failure: unknown = null;
  /** Live events received while catching up (null once caught up). */
  private held: DomainEvent[] | null = null;
  private done = false;
  /** Where events go once diverted (see `divert`): straight to their writer, without the async iterator. */
  private sink: ((event: DomainEvent) => void) | null = null;
  private ended: { resolve: () => void; reject: (error: unknown) => void } | null = null;
  private lastSeq: number;
  private readonly leave: () => void;

  constructor(
    bus: EventBus,
    fanout: LiveFanout,
    private readonly access: LiveAccess,
    readonly scope: EventScope,
    readonly actorNow: () => Actor,
    after: number | null,
  ) {
    this.lastSeq = after ?? 0;
    this.leave = fanout.join(this);
    if (after !== null) {
      this.held = [];
      bus
        .since(after, scope)
        .then((missed) => this.catchUp(missed))
        .catch((error) => this.fail(error));
    }
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<DomainEvent>> {
    const event = this.ready.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.failure !== null) {
      const failure = this.failure;
      this.failure = null;
      return Promise.reject(failure);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<DomainEvent>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<DomainEvent>> {
    this.close();
    return Promise.reject(error);
  }

  /**
   * Hands every event from now on (and those ready but not yet read) to `sink`, synchronously and in `seq` order,
   * instead of queueing them for `next`. Resolves when the stream ends (closed, returned), rejects with why it
   * failed (as `next` would have thrown it).
   */
  divert(sink: (event: DomainEvent) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.failure !== null) {
        const failure = this.failure;
        this.failure = null;
        reject(failure);
        return;
      }
      for (const event of this.ready.splice(0)) sink(event);
      if (this.done) return resolve();
      this.sink = sink;
      this.ended = { resolve, reject };
    });
  }

  offer(event: DomainEvent): void {
    if (this.done) return;
    if (this.held) this.held.push(event);
    else this.deliver(event);
  }

  /** The missed events this person may read (each decided for them, side by side), then the held live ones. */
  private async catchUp(missed: DomainEvent[]): Promise<void> {
    const actor = this.actorNow();
    const readable = await Promise.all(missed.map((event) => this.access.canReceive(actor, event)));
    if (this.done) return;
    missed.forEach((event, index) => readable[index] && this.deliver(event));
    const held = this.held ?? [];
    this.held = null;
    for (const event of held) this.deliver(event);
  }

  private deliver(event: DomainEvent): void {
    if (event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    if (this.sink) return this.sink(event);
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve({ value: event, done: false });
    else this.ready.push(event);
  }

  /** Ends the stream with an error its reader receives (graphql-ws sends it with its code, see live-socket.ts). */
  fail(error: unknown): void {
    if (this.done) return;
    const waiter = this.waiting.shift();
    if (this.ended) this.ended.reject(error);
    else if (waiter) waiter.reject(error);
    else this.failure = error;
    this.ended = null;
    this.close();
  }

  private close(): void {
    if (this.done) return;
    this.done = true;
    this.leave();
    this.ready.length = 0;
    this.held = null;
    this.sink = null;
    this.ended?.resolve();
    this.ended = null;
    for (const waiter of this.waiting.splice(0)) waiter.resolve({ value: undefined, done: true });
  }
}
