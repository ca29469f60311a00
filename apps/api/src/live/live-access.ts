import { Injectable, Logger } from '@nestjs/common';
import { Actor, DomainError, DomainEvent, NotFoundError, ReadersQuestion } from '@majlis/kernel';
import { AnnotationPolicy, AnnotationService, DocumentService } from '@majlis/documents';
import { CommentService, SpaceService, SubjectRegistry, SubjectType, ThreadService } from '@majlis/discussions';
import { ConsultationService } from '@majlis/consultations';
import { NotificationPolicy } from '@majlis/notifications';
import { UserService } from '@majlis/identity';
import { ContentType, ModerationService } from '@majlis/moderation';
import { LIVE_CHECK_CONNECTIONS, LiveChecksDatabase } from './live-checks-database';

/** How many per-person (or per-event, unbatched) access checks an instance runs at once on the app's pool. */
const CHECKS_AT_ONCE = 4;

/** How many times a failed check (not a refusal) is tried again, after 0.2, 0.4, 0.8 s. */
const RETRIES = 3;

/**
 * The most (event, person) pairs one batched statement decides; a larger backlog is split over several batches
 * (an event's people are never split).
 */
const MAX_PAIRS_PER_BATCH = 20_000;

/**
 * Subjects whose readers are decided in batches by the areas' SQL twins of their rules (`AnnotationService`,
 * `ThreadService`, `CommentService`, `ConsultationService` `readersNow`); the others (and replies under a subject
 * whose area gives no twin) are checked once per person with the area's `get`.
 */
const BATCHED = new Set(['ANNOTATION', 'THREAD', 'COMMENT', 'CONSULTATION']);

/** Events that take something away: the subject is gone for most readers, who must still learn it is gone. */
const REMOVALS = new Set(['CONTENT_HIDDEN', 'ANNOTATION_DELETED', 'COMMENT_DELETED', 'THREAD_DELETED']);

/** An event of a BATCHED subject waiting for the next batch, with the people it asks about. */
interface Waiting {
  readonly event: DomainEvent;
  readonly question: ReadersQuestion;
  readonly answer: (readers: Set<string> | null) => void;
}

/**
 * Who receives a live event, decided at delivery with the same services and policies as queries (no copy of a
 * rule here): an event is delivered when the subscriber's account is active now (not suspended, not deleted: the
 * connection's actor may be up to LIVE_SESSION_CHECK_SECONDS old) and they may read its subject now (`AnnotationService.get`,
 * `CommentService.get`, `ThreadService.get`, `ConsultationService.get`: hidden content, ORGANIZATION annotations,
 * private spaces all answer NOT_FOUND as they do to queries).
 *
 * A removal (hidden, deleted) is delivered to those who could read the subject apart from the removal itself,
 * so that it disappears from their screen: for an annotation, its document and `AnnotationPolicy.canSee`; for a
 * reply, what it answers; for a thread, its space. Payloads are ids only, so a removal says nothing of the content.
 *
 * An event's audience on an instance (every person with a subscriber in its scope, see LiveFanout) is decided
 * once per event. Events of BATCHED subjects are decided in batches: every such event waiting on the instance
 * (the fan-out's and the catch-ups' alike) is decided with the others of its subject type in one statement built
 * from the area's SQL twins (`readersNow`, answering for each event which of its people may read), on the live
 * checks' own connections (LiveChecksDatabase), LIVE_CHECK_CONNECTIONS batches at a time. A batch starts at the end
 * of the turn in which an event arrives when a connection is free, else as soon as one is, with whatever waits by
 * then: the busier the instance, the larger its batches, and no event waits for a timer.
 */
@Injectable()
export class LiveAccess {
  private readonly logger = new Logger('LiveAccess');

  constructor(
    private readonly annotations: AnnotationService,
    private readonly documents: DocumentService,
    private readonly comments: CommentService,
    private readonly threads: ThreadService,
    private readonly spaces: SpaceService,
    private readonly subjects: SubjectRegistry,
    private readonly consultations: ConsultationService,
    private readonly moderation: ModerationService,
    private readonly users: UserService,
    private readonly database: LiveChecksDatabase,
  ) {}

  /** Batched checks so far: events decided, batches, statements and their time in ms (the benchmark's figures). */
  get batchedCounts(): { events: number; batches: number; statements: number; statementMs: number } {
    const { statements, statementMs } = this.database;
    return { events: this.batchedEvents, batches: this.batches, statements, statementMs };
  }

  /**
   * Which of these people (by user id, with their actor as their connection knows it now) may receive the event.
   * Refusals are the areas' NOT_FOUND/FORBIDDEN; a check that keeps failing refuses (never delivered unchecked).
   */
  async readers(event: DomainEvent, people: ReadonlyMap<string, Actor>): Promise<Set<string>> {
    if (people.size === 0) return new Set();
    if (event.type !== 'QUEUE_CHANGED' && BATCHED.has(event.subjectType)) {
      // In the next batch, active accounts only (the areas' readersNow say it themselves).
      const readers = await this.inNextBatch(event, [...people.keys()]);
      if (readers) return readers;
    }
    // Every other way: suspended and deleted accounts receive nothing, whatever their socket's actor says.
    const active = await this.limited(() => this.activeAmong(people, event));
    if (active.size === 0) return new Set();
    if (event.type === 'QUEUE_CHANGED') {
      // The moderation queue: whoever moderates the content now (ModerationPolicy.canModerate), decided once.
      return this.limited(() =>
        this.moderation
          .queueWatchers(event.subjectType as ContentType, event.subjectId, active)
          .catch((error: unknown) => {
            this.logger.error({ err: error, seq: event.seq }, 'live queue access check failed: not delivered');
            return new Set<string>();
          }),
      );
    }
    if (event.subjectType === 'USER') {
      // A person's inbox: decided by the notifications' policy alone.
      return new Set(
        [...active].filter(([, actor]) => NotificationPolicy.canFollowInbox(actor, event.subjectId)).map(([id]) => id),
      );
    }
    const decided = await Promise.all(
      [...active].map(
        async ([userId, actor]) => [userId, await this.limited(() => this.decide(actor, event))] as const,
      ),
    );
    return new Set(decided.filter(([, readable]) => readable).map(([userId]) => userId));
  }

  /** Whether this one actor may receive the event now (a reconnecting subscriber's catch-up). */
  async canReceive(actor: Actor, event: DomainEvent): Promise<boolean> {
    return (await this.readers(event, new Map([[actor.userId, actor]]))).has(actor.userId);
  }

  /** The event's readers among these people, decided in the next batch (null: ask each person's `get`). */
  private inNextBatch(event: DomainEvent, userIds: string[]): Promise<Set<string> | null> {
    return new Promise((answer) => {
      const despiteRemoval = REMOVALS.has(event.type);
      this.waiting.push({ event, question: { subjectId: event.subjectId, userIds, despiteRemoval }, answer });
      this.startBatches();
    });
  }
  private readonly waiting: Waiting[] = [];
  private batchesRunning = 0;
  private batchStarting = false;
  private batchedEvents = 0;
  private batches = 0;

  /**
   * Starts batches with what waits, at the end of this turn of the event loop (the events that arrived together go
   * together), while fewer than LIVE_CHECK_CONNECTIONS run; a finished batch starts the next one.
   */
  private startBatches(): void {
    if (this.batchStarting || this.batchesRunning >= LIVE_CHECK_CONNECTIONS || this.waiting.length === 0) return;
    this.batchStarting = true;
    setImmediate(() => {
      this.batchStarting = false;
      while (this.batchesRunning < LIVE_CHECK_CONNECTIONS && this.waiting.length > 0) {
        const batch = this.nextBatch();
        this.batchesRunning += 1;
        void this.decideBatch(batch).finally(() => {
          this.batchesRunning -= 1;
          this.startBatches();
        });
      }
    });
  }

  /** The oldest waiting events, as many as fit in MAX_PAIRS_PER_BATCH (at least one). */
  private nextBatch(): Waiting[] {
    let count = 0;
    let pairs = 0;
    while (count < this.waiting.length) {
      pairs += this.waiting[count].question.userIds.length;
      if (count > 0 && pairs > MAX_PAIRS_PER_BATCH) break;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  /** One statement per subject type in the batch (side by side); each event gets its own answer. Never rejects. */
  private async decideBatch(batch: Waiting[]): Promise<void> {
    this.batches += 1;
    this.batchedEvents += batch.length;
    const byType = new Map<string, Waiting[]>();
    for (const waiting of batch) {
      const same = byType.get(waiting.event.subjectType);
      if (same) same.push(waiting);
      else byType.set(waiting.event.subjectType, [waiting]);
    }
    await Promise.all(
      [...byType].map(async ([subjectType, waiting]) => {
        const answers = await this.decideAll(subjectType, waiting);
        waiting.forEach((one, index) => one.answer(answers[index]));
      }),
    );
  }

  /**
   * The batch's events of one subject type, decided in one statement. A refusal is final; a failure (the database
   * busy or briefly unreachable) is retried a few times, then every event of the statement is refused (never
   * delivered unchecked), and logged.
   */
  private async decideAll(subjectType: string, waiting: Waiting[]): Promise<(Set<string> | null)[]> {
    const questions = waiting.map((one) => one.question);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.readersNow(subjectType, questions);
      } catch (error) {
        if (error instanceof DomainError) return questions.map(() => new Set());
        if (attempt >= RETRIES || this.database.closed) {
          const seqs = waiting.map((one) => one.event.seq);
          this.logger.error({ err: error, seqs }, 'live event access check failed: not delivered');
          return questions.map(() => new Set());
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
      }
    }
  }

  /** The area's batched readers of its subjects (one statement), as `ensureCanRead`/`ensureCouldRead` per event. */
  private readersNow(subjectType: string, questions: ReadersQuestion[]): Promise<(Set<string> | null)[]> {
    switch (subjectType) {
      case 'ANNOTATION':
        return this.annotations.readersNow(questions, this.database);
      case 'THREAD':
        return this.threads.readersNow(questions, this.database);
      case 'COMMENT':
        return this.comments.readersNow(questions, this.database);
      case 'CONSULTATION':
        return this.consultations.readersNow(questions, this.database);
      default:
        throw new Error(`no batched live reader for ${subjectType}`);
    }
  }

  /** These people whose accounts are active now (one statement); nobody when that cannot be checked. */
  private async activeAmong(people: ReadonlyMap<string, Actor>, event: DomainEvent): Promise<Map<string, Actor>> {
    try {
      const active = await this.users.activeAmong([...people.keys()]);
      return new Map([...people].filter(([userId]) => active.has(userId)));
    } catch (error) {
      this.logger.error({ err: error, seq: event.seq }, 'live account check failed: not delivered');
      return new Map();
    }
  }

  /**
   * At most CHECKS_AT_ONCE checks run at a time on an instance, so that a burst of events never takes every
   * connection of the pool from the requests (they queue here instead, in order).
   */
  private async limited<T>(check: () => Promise<T>): Promise<T> {
    // A finished check hands its slot to the next one waiting, so no newcomer slips in between.
    if (this.running >= CHECKS_AT_ONCE) await new Promise<void>((resolve) => this.queued.push(resolve));
    else this.running++;
    try {
      return await check();
    } finally {
      const next = this.queued.shift();
      if (next) next();
      else this.running--;
    }
  }
  private running = 0;
  private readonly queued: (() => void)[] = [];

  /**
   * A refusal is final; a failure (the database busy or briefly unreachable) is retried a few times before the
   * event is given up for this person (never delivered unchecked), and logged.
   */
  private async decide(actor: Actor, event: DomainEvent): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        await (REMOVALS.has(event.type) ? this.ensureCouldRead(actor, event) : this.ensureCanRead(actor, event));
        return true;
      } catch (error) {
        if (error instanceof DomainError) return false;
        if (attempt >= RETRIES) {
          this.logger.error({ err: error, seq: event.seq }, 'live event access check failed: not delivered');
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
      }
    }
  }

  private async ensureCanRead(actor: Actor, event: DomainEvent): Promise<void> {
    switch (event.subjectType) {
      case 'ANNOTATION':
        await this.annotations.get(actor, event.subjectId);
        return;
      case 'COMMENT':
        await this.comments.get(actor, event.subjectId);
        return;
      case 'THREAD':
        await this.threads.get(actor, event.subjectId);
        return;
      case 'CONSULTATION':
        await this.consultations.get(actor, event.subjectId);
        return;
      default:
        throw new Error(`no live access rule for ${event.subjectType}`);
    }
  }

  private async ensureCouldRead(actor: Actor, event: DomainEvent): Promise<void> {
    switch (event.subjectType) {
      case 'ANNOTATION': {
        const annotation = (await this.annotations.findByIds([event.subjectId])).get(event.subjectId);
        if (!annotation || !AnnotationPolicy.canSee(actor, annotation)) throw new NotFoundError('Annotation');
        await this.documents.get(actor, annotation.documentId);
        return;
      }
      case 'COMMENT':
        if (!event.parentType || !event.parentId) throw new Error('a reply without its subject');
        await this.subjects.access(event.parentType as SubjectType).ensureVisible(actor, event.parentId);
        return;
      case 'THREAD':
        if (!event.spaceId) throw new Error('a thread without its space');
        await this.spaces.get(actor, event.spaceId);
        return;
      default:
        await this.ensureCanRead(actor, event);
    }
  }
}
