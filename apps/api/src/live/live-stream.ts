import type { Actor, DomainEvent } from '@majlis/kernel';
import { EventBus, EventScope, inScope } from './event-bus';
import type { LiveAccess } from './live-access';

/**
 * One subscriber's events, as an async iterator for graphql-ws: the events of its scope that it may read, in
 * `seq` order. It listens before catching up, so nothing falls between the catch-up (events after `after`, from
 * the table) and the live events (deduplicated by `seq`). Each event's access is checked when it is delivered,
 * with the actor as the connection knows it now (`actorNow`, refreshed while the socket lives).
 */
export class LiveStream implements AsyncIterableIterator<DomainEvent> {
  private readonly ready: DomainEvent[] = [];
  private readonly waiting: ((result: IteratorResult<DomainEvent>) => void)[] = [];
  /** Events in order, each with its access decision, asked for when the event arrives (decisions overlap). */
  private readonly pending: { event: DomainEvent; readable: Promise<boolean> }[] = [];
  private askedSeq: number;
  private pumping = false;
  private done = false;
  private lastSeq: number;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly bus: EventBus,
    private readonly access: LiveAccess,
    private readonly scope: EventScope,
    private readonly actorNow: () => Actor,
    after: number | null,
  ) {
    this.lastSeq = after ?? 0;
    this.askedSeq = this.lastSeq;
    this.unsubscribe = bus.subscribe((event) => {
      if (inScope(event, scope)) this.enqueue([event]);
    });
    if (after !== null) {
      this.pumping = true;
      bus
        .since(after, scope)
        .then((missed) => {
          this.pending.unshift(...this.ask(missed));
          this.pumping = false;
          void this.pump();
        })
        .catch((error) => this.fail(error));
    }
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<DomainEvent>> {
    const event = this.ready.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
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
   * Asks at once whether each new event may be received (so that the checks of successive events run side by side,
   * and an instance's subscribers ask about an event in the same turn, for one batched check); delivers in order.
   */
  private enqueue(events: DomainEvent[]): void {
    if (this.done) return;
    for (const event of events) {
      if (event.seq <= this.askedSeq) continue;
      this.askedSeq = event.seq;
      const readable = this.access.canReceive(this.actorNow(), event);
      readable.catch(() => undefined);
      this.pending.push({ event, readable });
    }
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.pending.length > 0 && !this.done) await this.check(this.pending.splice(0, this.pending.length));
    } catch (error) {
      this.fail(error);
    } finally {
      this.pumping = false;
    }
  }

  /** The caught-up events not yet asked about (those live events that came meanwhile are), with their decisions. */
  private ask(missed: DomainEvent[]): { event: DomainEvent; readable: Promise<boolean> }[] {
    const first = this.pending[0]?.event.seq ?? Infinity;
    this.askedSeq = Math.max(this.askedSeq, missed.at(-1)?.seq ?? 0);
    return missed
      .filter((event) => event.seq > this.lastSeq && event.seq < first)
      .map((event) => {
        const readable = this.access.canReceive(this.actorNow(), event);
        readable.catch(() => undefined);
        return { event, readable };
      });
  }

  /** Hands over the readable events in order (the same subject's events keep their order). */
  private async check(checked: { event: DomainEvent; readable: Promise<boolean> }[]): Promise<void> {
    for (const { event, readable } of checked) {
      if (this.done || event.seq <= this.lastSeq) continue;
      this.lastSeq = event.seq;
      if (await readable) this.push(event);
    }
  }

  private push(event: DomainEvent): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter({ value: event, done: false });
    else this.ready.push(event);
  }

  private fail(error: unknown): void {
    void error;
    this.close();
  }

  private close(): void {
    if (this.done) return;
    this.done = true;
    this.unsubscribe();
    this.pending.length = 0;
    for (const waiter of this.waiting.splice(0)) waiter({ value: undefined, done: true });
  }
}
