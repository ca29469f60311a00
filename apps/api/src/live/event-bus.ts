import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  DomainEvent,
  EVENTS_CHANNEL,
  EVENT_COLUMNS,
  EventRow,
  ResyncRequiredError,
  eventFromRow,
} from '@majlis/kernel';

export const LIVE_DATABASE_URL = Symbol('LIVE_DATABASE_URL');

/**
 * Which events a subscriber follows: exactly one of a document, a space, a thread, a consultation, or a person's
 * inbox (`inboxOf`: that person's INBOX_CHANGED events, whose subject is the person).
 */
export interface EventScope {
  readonly documentId?: string;
  readonly spaceId?: string;
  readonly threadId?: string;
  readonly consultationId?: string;
  readonly inboxOf?: string;
  /** The moderation queue (QUEUE_CHANGED events), for those who moderate (ModerationPolicy). */
  readonly moderationQueue?: boolean;
}

export function inScope(event: DomainEvent, scope: EventScope): boolean {
  if (scope.documentId) return event.documentId === scope.documentId;
  if (scope.spaceId) return event.spaceId === scope.spaceId;
  if (scope.threadId) return event.threadId === scope.threadId;
  if (scope.consultationId) return event.consultationId === scope.consultationId;
  if (scope.inboxOf) return event.subjectType === 'USER' && event.subjectId === scope.inboxOf;
  if (scope.moderationQueue) return event.type === 'QUEUE_CHANGED';
  return false;
}

/**
 * The most events a reconnecting client is sent to catch up; further behind (or behind what was pruned, kernel
 * EVENT_RETENTION_DAYS) it is told RESYNC_REQUIRED, and reloads what it shows.
 */
export const CATCH_UP_LIMIT = 5000;

const APPLICATION_NAME = 'majlis-live';
const MAX_RECONNECT_DELAY_MS = 5000;

/**
 * The PubSub of live updates on PostgreSQL LISTEN/NOTIFY: one dedicated connection per API instance LISTENs on
 * the events channel (see kernel `recordEvent`) and fans each event out to this instance's subscribers.
 *
 * When the connection drops (a restart, a network cut, `pg_terminate_backend`), it reconnects with a growing delay
 * and LISTENs again, then reads from the `events` table what committed meanwhile (after the last `seq` this
 * instance delivered), so its subscribers miss nothing. Notifications received while catching up wait their turn.
 */
@Injectable()
export class EventBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('LiveEvents');
  private readonly listeners = new Set<(event: DomainEvent) => void>();
  private client: Client | null = null;
  private lastSeq = 0;
  private stopped = false;
  private catchingUp: DomainEvent[] | null = null;
  private reconnectDelayMs = 100;
  private reconnectTimer: NodeJS.Timeout | null = null;
  /** How many times the LISTEN connection was (re)established: for tests and the log. */
  connections = 0;

  constructor(
    @Inject(LIVE_DATABASE_URL) private readonly databaseUrl: string,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    const [{ seq }] = await this.db.query(`SELECT COALESCE(max(seq), 0) AS seq FROM events`);
    this.lastSeq = Number(seq);
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** Whether the LISTEN connection is up (readiness, tests). */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Calls `listener` with every event committed from now on, in `seq` order; returns how to stop. */
  subscribe(listener: (event: DomainEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The events after `seq` in a scope, oldest first: a reconnecting client's catch-up. Throws ResyncRequiredError
   * (RESYNC_REQUIRED) when events after `seq` were pruned, or when more than CATCH_UP_LIMIT are missed.
   */
  async since(seq: number, scope: EventScope): Promise<DomainEvent[]> {
    const [{ pruned_through }]: { pruned_through: string }[] = await this.db.query(
      `SELECT pruned_through FROM events_retention`,
    );
    if (seq < Number(pruned_through)) throw new ResyncRequiredError();
    const [where, value] = scope.documentId
      ? ['document_id = $1', scope.documentId]
      : scope.spaceId
        ? ['space_id = $1', scope.spaceId]
        : scope.threadId
          ? ['thread_id = $1', scope.threadId]
          : scope.inboxOf
            ? [`subject_type = 'USER' AND subject_id = $1`, scope.inboxOf]
            : scope.moderationQueue
              ? [`type = $1`, 'QUEUE_CHANGED']
              : ['consultation_id = $1', scope.consultationId];
    const rows: EventRow[] = await this.db.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where} AND seq > $2 ORDER BY seq LIMIT ${CATCH_UP_LIMIT + 1}`,
      [value, seq],
    );
    if (rows.length > CATCH_UP_LIMIT) throw new ResyncRequiredError();
    return rows.map(eventFromRow);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: APPLICATION_NAME });
    client.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      try {
        this.receive(eventFromRow(JSON.parse(message.payload) as EventRow));
      } catch (error) {
        this.logger.error({ err: error }, 'unreadable event notification');
      }
    });
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client));
    try {
      await client.connect();
      this.catchingUp = [];
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.client = client;
      this.connections += 1;
      this.reconnectDelayMs = 100;
      if (this.connections > 1) this.logger.log('listening again for live events');
      await this.catchUp();
    } catch (error) {
      this.catchingUp = null;
      await client.end().catch(() => undefined);
      if (this.connections === 0 && !this.stopped) throw error;
      this.dropped(client, error);
    }
  }

  /** What committed while nobody listened, then the notifications that arrived meanwhile. */
  private async catchUp(): Promise<void> {
    const rows: EventRow[] = await this.db.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE seq > $1 ORDER BY seq`, [
      this.lastSeq,
    ]);
    const waiting = this.catchingUp ?? [];
    this.catchingUp = null;
    for (const row of rows) this.deliver(eventFromRow(row));
    for (const event of waiting) this.deliver(event);
  }

  private receive(event: DomainEvent): void {
    if (this.catchingUp) this.catchingUp.push(event);
    else this.deliver(event);
  }

  private deliver(event: DomainEvent): void {
    if (event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    for (const listener of this.listeners) listener(event);
  }

  private dropped(client: Client, error?: unknown): void {
    if (this.client === client) this.client = null;
    else if (this.client !== null) return;
    if (this.stopped || this.reconnectTimer) return;
    this.logger.warn({ err: error }, `live events connection lost; reconnecting in ${this.reconnectDelayMs} ms`);
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().catch((failure) => this.logger.warn({ err: failure }, 'live events reconnection failed'));
    }, this.reconnectDelayMs);
    this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, MAX_RECONNECT_DELAY_MS);
  }
}
