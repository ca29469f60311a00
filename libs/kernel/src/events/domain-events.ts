import type { EntityManager } from 'typeorm';

/**
 * Domain events: the one record of what happened, shared by live updates and notifications.
 *
 * A content service calls `recordEvent(manager, …)` inside the transaction of the write that causes the event. The
 * row goes into the `events` table and, in the same statement, `pg_notify(EVENTS_CHANNEL, …)` announces it:
 * PostgreSQL delivers a notification only when its transaction commits, so a rolled-back write leaves neither a
 * row nor a notification.
 *
 * - **Live updates** (`apps/api` `live/`): each API instance LISTENs on `EVENTS_CHANNEL` over one dedicated
 *   connection and fans events out to its own subscribers, checking at delivery, with the areas' services and
 *   policies, that each subscriber may read the subject. A client that reconnects catches up from this table by
 *   `seq`.
 * - **Notifications** (the inbox, e-mails, digests) consume this same table, by `seq`: one mechanism, not two.
 *
 * Payloads are ids only (never text, names or anything a reader might not be allowed to see), far under
 * PostgreSQL's 8,000-byte limit on a notification. Events become visible in `seq` order: the row is inserted with a
 * provisional number, and a deferred constraint trigger (migration NumberEventsAtCommit) numbers it inside
 * PostgreSQL's commit, under an advisory lock held only to the end of that commit, stamps `created_at` with the
 * commit's clock and sends the notification. No later `seq` commits before an earlier one, so a reader resuming after
 * its last-seen `seq` skips nothing, and no writer waits on the lock for another's round trips to Node. The number is
 * therefore unknown until commit: recording returns nothing.
 */
export const EVENTS_CHANNEL = 'majlis_events';

/**
 * How long events are kept (days): a daily job (notifications' `events.prune`) deletes older ones once notifications
 * have consumed them, and records the last `seq` it deleted. A live subscriber resuming `after` an older `seq` gets
 * RESYNC_REQUIRED (ResyncRequiredError) and reads again what it shows.
 */
export const EVENT_RETENTION_DAYS = 30;

/** USER: a person's own inbox (INBOX_CHANGED), whose events reach that person only (notifications' policy). */
export const EVENT_SUBJECT_TYPES = ['ANNOTATION', 'COMMENT', 'THREAD', 'CONSULTATION', 'CONTRIBUTION', 'USER'] as const;
export type EventSubjectType = (typeof EVENT_SUBJECT_TYPES)[number];

export const DOMAIN_EVENT_TYPES = [
  'ANNOTATION_CREATED',
  'ANNOTATION_CHANGED',
  'ANNOTATION_DELETED',
  'ANNOTATION_ANSWERED',
  'COMMENT_CREATED',
  'COMMENT_CHANGED',
  'COMMENT_DELETED',
  'THREAD_CREATED',
  'THREAD_CHANGED',
  'THREAD_DELETED',
  'CONTENT_HIDDEN',
  'CONTENT_RESTORED',
  'CONSULTATION_CHANGED',
  'INBOX_CHANGED',
  'QUEUE_CHANGED',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

/** What a service records: ids only. The scope ids (document, space, thread, consultation) route the event. */
export interface DomainEventInput {
  readonly type: DomainEventType;
  readonly subjectType: EventSubjectType;
  readonly subjectId: string;
  /** For a reply: what it answers (an annotation, a thread, a contribution). */
  readonly parentType?: EventSubjectType | null;
  readonly parentId?: string | null;
  readonly documentId?: string | null;
  readonly spaceId?: string | null;
  readonly threadId?: string | null;
  readonly consultationId?: string | null;
  /** Who caused it (null: the system). */
  readonly actorId?: string | null;
}

/** An event as recorded and as notified. */
export interface DomainEvent {
  readonly seq: number;
  readonly type: DomainEventType;
  readonly subjectType: EventSubjectType;
  readonly subjectId: string;
  readonly parentType: EventSubjectType | null;
  readonly parentId: string | null;
  readonly documentId: string | null;
  readonly spaceId: string | null;
  readonly threadId: string | null;
  readonly consultationId: string | null;
  readonly actorId: string | null;
  readonly createdAt: string;
}

/** The `events` row as PostgreSQL gives it (in a query or a notification's JSON). */
export interface EventRow {
  seq: string | number;
  type: string;
  subject_type: string;
  subject_id: string;
  parent_type: string | null;
  parent_id: string | null;
  document_id: string | null;
  space_id: string | null;
  thread_id: string | null;
  consultation_id: string | null;
  actor_id: string | null;
  created_at: string | Date;
}

/** Every column of an `events` row, for readers that select them (`SELECT ${EVENT_COLUMNS} FROM events`). */
export const EVENT_COLUMNS =
  'seq, type, subject_type, subject_id, parent_type, parent_id, document_id, space_id, thread_id, consultation_id, actor_id, created_at';

/**
 * The INSERT … SELECT of one event whose subject id is the SQL expression `subjectId`, from `source` (a FROM list
 * item, or nothing), parameters from `$<first>`. The commit numbers it and notifies it (see above).
 */
function insertEventSql(first: number, subjectId: string, source: string | null): string {
  const p = (index: number, type: string) => `$${first + index}::${type}`;
  return `INSERT INTO events (type, subject_type, subject_id, parent_type, parent_id, document_id, space_id, thread_id,
                              consultation_id, actor_id)
     SELECT ${p(0, 'text')}, ${p(1, 'text')}, ${subjectId}, ${p(2, 'text')}, ${p(3, 'uuid')}, ${p(4, 'uuid')},
            ${p(5, 'uuid')}, ${p(6, 'uuid')}, ${p(7, 'uuid')}, ${p(8, 'uuid')}${source ? `\n       FROM ${source}` : ''}`;
}

function eventParameters(event: Omit<DomainEventInput, 'subjectId'>): unknown[] {
  return [
    event.type,
    event.subjectType,
    event.parentType ?? null,
    event.parentId ?? null,
    event.documentId ?? null,
    event.spaceId ?? null,
    event.threadId ?? null,
    event.consultationId ?? null,
    event.actorId ?? null,
  ];
}

/** Records the event in the caller's transaction; its commit numbers and notifies it. */
export async function recordEvent(manager: EntityManager, event: DomainEventInput): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('recordEvent must run inside the transaction of the write that causes the event');
  }
  await manager.query(insertEventSql(2, '$1::uuid', null), [event.subjectId, ...eventParameters(event)]);
}

/**
 * One statement that writes a row and records its event (whose subject id is the written row's `id`), numbered and
 * notified on commit: `write` is an INSERT or UPDATE … RETURNING whose parameters are `$1…$n`. A single statement is
 * atomic, so a write that needs nothing else takes no explicit transaction (BEGIN and COMMIT are two round trips).
 * Returns the written row (no row written: no event, and undefined).
 */
export async function writeRecordingEvent<Row>(
  runner: Pick<EntityManager, 'query'>,
  write: { sql: string; params: readonly unknown[] },
  event: Omit<DomainEventInput, 'subjectId'>,
): Promise<Row | undefined> {
  const rows: Row[] = await runner.query(
    `WITH written AS (${write.sql}),
          recorded AS (${insertEventSql(write.params.length + 1, 'written.id', 'written')})
     SELECT written.* FROM written`,
    [...write.params, ...eventParameters(event)],
  );
  return rows[0];
}

/** An `events` row (from a query, or parsed from a notification's payload) as a DomainEvent. */
export function eventFromRow(row: EventRow): DomainEvent {
  return {
    seq: Number(row.seq),
    type: row.type as DomainEventType,
    subjectType: row.subject_type as EventSubjectType,
    subjectId: row.subject_id,
    parentType: row.parent_type as EventSubjectType | null,
    parentId: row.parent_id,
    documentId: row.document_id,
    spaceId: row.space_id,
    threadId: row.thread_id,
    consultationId: row.consultation_id,
    actorId: row.actor_id,
    createdAt: row.created_at instanceof Date ? row.created_at.toISOString() : String(row.created_at),
  };
}
