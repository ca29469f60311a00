import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Actor, DomainEvent } from '@majlis/kernel';
import { EventBus, EventScope } from './event-bus';
import { LiveAccess } from './live-access';

/** What the fan-out needs of a subscriber (a LiveStream). */
export interface LiveSubscriber {
  readonly scope: EventScope;
  /** The subscriber's actor as its connection knows it now (memberships are refreshed while the socket lives). */
  actorNow(): Actor;
  /** Hands over an event this subscriber may receive, in `seq` order. */
  offer(event: DomainEvent): void;
}

/**
 * The scope keys an event reaches: its document, space, thread and consultation; or the inbox it changed; or, for
 * QUEUE_CHANGED, the moderation queue only.
 */
function scopeKeysOf(event: DomainEvent): string[] {
  if (event.subjectType === 'USER') return [`u:${event.subjectId}`];
  if (event.type === 'QUEUE_CHANGED') return ['q'];
  const keys: string[] = [];
  if (event.documentId) keys.push(`d:${event.documentId}`);
  if (event.spaceId) keys.push(`s:${event.spaceId}`);
  if (event.threadId) keys.push(`t:${event.threadId}`);
  if (event.consultationId) keys.push(`c:${event.consultationId}`);
  return keys;
}

function scopeKey(scope: EventScope): string {
  if (scope.documentId) return `d:${scope.documentId}`;
  if (scope.spaceId) return `s:${scope.spaceId}`;
  if (scope.threadId) return `t:${scope.threadId}`;
  if (scope.inboxOf) return `u:${scope.inboxOf}`;
  if (scope.moderationQueue) return 'q';
  return `c:${scope.consultationId}`;
}

interface Delivery {
  readonly event: DomainEvent;
  readonly audience: readonly LiveSubscriber[];
  readonly readers: Promise<Set<string>>;
}

/**
 * An instance's fan-out of live events: the one listener of the EventBus, which hands each event to this
 * instance's subscribers of its scope. The work is per event, not per subscriber:
 * - the subscribers of a scope are found in an index (no subscriber looks at events of other scopes);
 * - the event's audience (every person with a subscriber in its scope) is decided once, by LiveAccess, with the
 *   actors as their connections know them now (for batched subjects together with every other event waiting on the
 *   instance: one statement per subject type for the batch);
 * - decisions of successive events overlap (as they arrive), but events are handed over in `seq` order, each
 *   synchronously to every allowed subscriber.
 * What a subscriber then sends is executed once per event and operation (see live-execution.ts).
 */
@Injectable()
export class LiveFanout implements OnModuleInit, OnModuleDestroy {
  private readonly byScope = new Map<string, Set<LiveSubscriber>>();
  private readonly queue: Delivery[] = [];
  private draining = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly access: LiveAccess,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.subscribe((event) => this.receive(event));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Adds a subscriber; returns how to remove it. */
  join(subscriber: LiveSubscriber): () => void {
    const key = scopeKey(subscriber.scope);
    let subscribers = this.byScope.get(key);
    if (!subscribers) this.byScope.set(key, (subscribers = new Set()));
    subscribers.add(subscriber);
    return () => {
      subscribers.delete(subscriber);
      if (subscribers.size === 0 && this.byScope.get(key) === subscribers) this.byScope.delete(key);
    };
  }

  /** How many subscribers this instance has (readiness, tests). */
  get size(): number {
    let size = 0;
    for (const subscribers of this.byScope.values()) size += subscribers.size;
    return size;
  }

  private receive(event: DomainEvent): void {
    const audience = new Set<LiveSubscriber>();
    for (const key of scopeKeysOf(event))
      for (const subscriber of this.byScope.get(key) ?? []) audience.add(subscriber);
    if (audience.size === 0) return;
    const people = new Map<string, Actor>();
    for (const subscriber of audience) {
      const actor = subscriber.actorNow();
      if (!people.has(actor.userId)) people.set(actor.userId, actor);
    }
    // Never rejects: a check that keeps failing refuses (LiveAccess); the catch is for what cannot happen.
    const readers = this.access.readers(event, people).catch(() => new Set<string>());
    this.queue.push({ event, audience: [...audience], readers });
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const { event, audience, readers } = this.queue[0];
        const allowed = await readers;
        this.queue.shift();
        for (const subscriber of audience) if (allowed.has(subscriber.actorNow().userId)) subscriber.offer(event);
      }
    } finally {
      this.draining = false;
    }
  }
}
