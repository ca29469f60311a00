import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApp } from './test-app';

export interface LiveEvent {
  seq: string;
  type: string;
  subjectType: string;
  subjectId: string;
  parentType: string | null;
  parentId: string | null;
  documentId: string | null;
  spaceId: string | null;
  threadId: string | null;
  actorId: string | null;
  createdAt: string;
}

export const LIVE_EVENTS = `subscription($documentId: ID, $spaceId: ID, $threadId: ID, $consultationId: ID, $inbox: Boolean,
  $moderationQueue: Boolean,
  $after: String) {
  liveEvents(documentId: $documentId, spaceId: $spaceId, threadId: $threadId, consultationId: $consultationId,
    inbox: $inbox, moderationQueue: $moderationQueue, after: $after) {
    seq type subjectType subjectId parentType parentId documentId spaceId threadId actorId createdAt } }`;

/** A live-updates subscriber over graphql-ws (the `ws` package), collecting what it receives. */
export class LiveSubscriber {
  readonly events: LiveEvent[] = [];
  readonly errors: unknown[] = [];
  /** The close code of the socket, once it closed (4419: session ended). */
  closeCode: number | null = null;
  /** Whether the server accepted the connection (its token and session). */
  connected = false;
  private readonly client: Client;
  private readonly waiters: (() => void)[] = [];

  /** `query`: another selection of `liveEvents` (its events then hold only the fields it selects). */
  constructor(app: TestApp, token: string, variables: Record<string, unknown>, query = LIVE_EVENTS) {
    this.client = createClient({
      url: app.graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { accessToken: token },
      retryAttempts: 0,
      lazy: false,
      // A refused connection is an outcome the tests look at (closeCode), not something to print.
      onNonLazyError: () => undefined,
      on: {
        connected: () => {
          this.connected = true;
          this.notify();
        },
        closed: (event) => {
          this.closeCode = (event as { code?: number }).code ?? null;
          this.notify();
        },
      },
    });
    this.client.subscribe<{ liveEvents: LiveEvent }>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) this.errors.push(...result.errors);
          if (result.data) this.events.push(result.data.liveEvents);
          this.notify();
        },
        error: (error) => {
          this.errors.push(error);
          this.notify();
        },
        complete: () => this.notify(),
      },
    );
  }

  /** Resolves once `done` holds of what was received (the test's timeout bounds the wait). */
  async until(done: (subscriber: LiveSubscriber) => boolean): Promise<void> {
    while (!done(this)) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  received(subjectId: string, type?: string): boolean {
    return this.events.some((event) => event.subjectId === subjectId && (!type || event.type === type));
  }

  get lastSeq(): string | null {
    return this.events.at(-1)?.seq ?? null;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
