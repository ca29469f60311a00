import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  Clock,
  Connection,
  ForbiddenError,
  KeysetColumn,
  PageRequest,
  PageWindow,
  ensureAllowed,
  ensureVisible,
  keysetKeyOf,
  keysetSql,
  namedQuery,
  pageWindow,
  parseId,
  parseInput,
  toConnection,
  recordEvent,
  textMatchSql,
  updateVersioned,
  READERS_QUESTIONS_SQL,
  ReadersQuestion,
  RowsRunner,
  answerReadersQuestions,
  rowsById,
  rawEntityReader,
} from '@majlis/kernel';
import { liveRepliesSql, softDelete } from '../authored-content';
import { AuthoredContentPolicy } from '../authored-content.policy';
import { CitationRegistry } from '../citations/citation-registry';
import { SpacePolicy, readerParameters } from '../spaces/space.policy';
import { User, UserQueries } from '@majlis/identity';
import { ContentModerationQueries, type ModerationRecord } from '@majlis/moderation';
import { SPACE_COLUMNS_SQL, SpaceRow, SpaceService, VisibleSpace, visibleSpaceFromRow } from '../spaces/space.service';
import { SubjectRegistry } from '../subjects/subject-registry';
import { Thread } from './thread.entity';
import {
  CreateThreadInput,
  EditThreadInput,
  ThreadFilter,
  createThreadInput,
  editThreadInput,
  threadFilter,
} from './thread.inputs';
import { DiscussionsReason } from '../discussions.reasons';

const PINNED_THEN_ACTIVE: KeysetColumn[] = [
  { expression: 'thread.pinned', property: 'pinned', type: 'boolean', direction: 'DESC' },
  { expression: 'thread.last_activity_at', property: 'lastActivityAt', type: 'timestamptz', direction: 'DESC' },
  { expression: 'thread.id', property: 'id', type: 'uuid', direction: 'DESC' },
];
const MOST_RECENT: KeysetColumn[] = PINNED_THEN_ACTIVE.slice(1);

export interface ThreadActivity {
  readonly replyCount: number;
  readonly participantCount: number;
  /** Replies by others since the actor last read the thread (all of them if never read). */
  readonly unreadCount: number;
  readonly lastReadAt: Date | null;
}

/**
 * What a page of threads reads with each thread, in the page's own statement: its author, its moderation record
 * and its activity. The GraphQL field resolvers use it when present and their DataLoaders otherwise.
 */
export interface ThreadPreload {
  readonly author: User | null;
  readonly moderation: ModerationRecord | null;
  readonly activity: ThreadActivity;
}

/** Keyed by the Thread objects of a page (they go when the request's results go). */
export const threadPreloads = new WeakMap<Thread, ThreadPreload>();

const THREAD_COLUMNS = [
  'id',
  'space_id',
  'title',
  'body',
  'tags',
  'document_id',
  'version_id',
  'section_key',
  'author_id',
  'organization_id',
  'pinned',
  'locked',
  'last_activity_at',
  'last_activity_by_id',
  'edited_at',
  'deleted_at',
  'created_at',
  'updated_at',
  'version',
] as const;
/** A row read with threadColumnsSql. */
type ThreadRow = Record<`thread_${(typeof THREAD_COLUMNS)[number]}`, unknown>;

/** A row of ThreadService's page statement: the thread, its author, moderation record and activity. */
interface PageRow extends ThreadRow {
  author_email: string | null;
  author_display_name: string;
  author_locale: User['locale'];
  author_platform_role: User['platformRole'];
  author_status: User['status'];
  author_created_at: Date;
  author_updated_at: Date;
  author_version: number;
  moderation_content_id: string | null;
  moderation_hidden: boolean;
  moderation_hidden_reason: string | null;
  moderation_hidden_at: Date | null;
  moderation_space_id: string | null;
  moderation_platform_moderated: boolean;
  moderation_moderating_organization_id: string | null;
  seen_last_read_at: Date | null;
  replies: number;
  participants: number;
  unread: number;
}

/** The thread's columns as `thread_<column>` (plain SQL, no entity hydration on hot reads). */
function threadColumnsSql(alias: string): string {
  return THREAD_COLUMNS.map((column) => `${alias}.${column} AS thread_${column}`).join(', ');
}

/** threadColumnsSql of the alias `thread`, built once. */
const THREAD_COLUMNS_SQL = threadColumnsSql('thread');

/**
 * A thread's activity from its stored counters (migration StoreThreadActivity, kept exact by triggers in each
 * write's transaction): `replies` and `participants` as stored, and the replies by others unread since the reader's
 * marker: `replies − (the reader's own counted replies) − (counted replies by others at or before the marker)`. The
 * SQL expressions are the thread's stored columns; `seen` is the reader's thread_reads row, `mine` their
 * thread_participants row (both LEFT JOINed: activityJoinsSql). Replies counted as AuthoredContentPolicy.countedSql.
 */
function activityColumnsSql(replies: string, participants: string): string {
  return `${replies} AS replies, ${participants} AS participants,
          (${replies} - COALESCE(mine.replies, 0) - COALESCE(seen.read_replies, 0))::int AS unread`;
}

/** The reader's read marker (`seen`) and own reply tally (`mine`) on the thread whose id is given, for activityColumnsSql. */
function activityJoinsSql(threadId: string, me: string): string {
  return `LEFT JOIN thread_reads seen ON seen.thread_id = ${threadId} AND seen.user_id = ${me}
          LEFT JOIN thread_participants mine ON mine.thread_id = ${threadId} AND mine.user_id = ${me}`;
}

/** Threads shown to this actor: present, or holding their place above live replies (AuthoredContentPolicy). */
function shownSql(actor: Actor) {
  return AuthoredContentPolicy.shownSql('THREAD', 'thread', actor);
}

/**
 * SQL twin of `get` from the reader's side: the thread aliased `thread`, in its space `space`, is shown to the person
 * `user` (a users row): present for them or holding its place above live replies, in a space they read; with
 * `despiteRemoval` (an SQL condition, per row), apart from its deletion or hiding: its space's readers.
 */
function visibleToReaderSql(thread: string, space: string, user: string, despiteRemoval = 'FALSE'): string {
  return `((${despiteRemoval} OR ${AuthoredContentPolicy.presentForReaderSql('THREAD', thread, user)} OR ${liveRepliesSql('THREAD', thread)})
    AND ${SpacePolicy.readableByUserSql(space, `${user}.id`)})`;
}

/**
 * Which threads a page reads, as plain SQL (no query builder on hot reads, issue 15): the joins after `threads
 * thread`, the conditions (each rule from its policy's SQL twin), and their `:name` values (namedQuery).
 */
interface ThreadSelection {
  readonly joins: string;
  readonly where: string[];
  readonly params: Record<string, unknown>;
}

/** Adds a condition and its values to a selection. */
function narrow(selection: ThreadSelection, condition: { sql: string; params?: Record<string, unknown> }): void {
  selection.where.push(condition.sql);
  Object.assign(selection.params, condition.params);
}

/** `FROM … WHERE …` of a selection, plus `extra` conditions (each one parenthesised). */
function fromSql(selection: ThreadSelection, ...extra: string[]): string {
  const conditions = [...selection.where, ...extra].map((condition) => `(${condition})`);
  return `FROM threads thread ${selection.joins} WHERE ${conditions.join(' AND ')}`;
}

/** The joins reaching the thread's space, aliased `space`, for SpacePolicy.readableSql. */
const SPACE_JOIN = 'JOIN spaces space ON space.id = thread.space_id';

@Injectable()
export class ThreadService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly spaces: SpaceService,
    private readonly subjects: SubjectRegistry,
    private readonly citations: CitationRegistry,
    private readonly clock: Clock,
  ) {}

  /** A thread from a row read with threadColumnsSql (`thread_<column>`), without TypeORM's entity transformer. */
  private threadFromRow(row: ThreadRow): Thread {
    return rawEntityReader<Thread>(this.db.getMetadata(Thread), 'thread')(row);
  }

  /** Threads are subjects of the shared reply model: readers of the space see replies; locked threads take none. */
  onModuleInit(): void {
    this.subjects.register('THREAD', {
      ensureVisible: async (actor, id) => ({ authorId: (await this.get(actor, id)).thread.authorId }),
      ensureCanReply: async (actor, id) => {
        const { thread, space } = await this.get(actor, id);
        const open = AuthoredContentPolicy.takesReplies(thread);
        if (open === 'DELETED')
          throw new ForbiddenError('This thread was deleted by its author: it takes no new replies.').because(
            DiscussionsReason.THREAD_DELETED,
          );
        if (open === 'LOCKED')
          throw new ForbiddenError('This thread is locked: it takes no new replies.').because(
            DiscussionsReason.THREAD_LOCKED,
          );
        ensureAllowed(
          SpacePolicy.canPost(space.space, space.role),
          'Only the members of this space can take part here.',
          DiscussionsReason.SPACE_MEMBERS_ONLY,
        );
        return { spaceId: thread.spaceId, threadId: thread.id };
      },
      readersAmong: (id, userIds) => this.readersAmong(id, userIds),
      readersSql: (user, id) => ({
        sql: `EXISTS (SELECT 1 FROM threads subject_thread JOIN spaces subject_space ON subject_space.id = subject_thread.space_id
                WHERE subject_thread.id = :subjectThread AND ${SpacePolicy.readableByUserSql('subject_space', `${user}.id`)})`,
        params: { subjectThread: id },
      }),
      visibleSql: (user, id) => `EXISTS (SELECT 1 FROM threads subject_thread
          JOIN spaces subject_space ON subject_space.id = subject_thread.space_id
         WHERE subject_thread.id = ${id} AND ${visibleToReaderSql('subject_thread', 'subject_space', user)})`,
      locate: async (ids) =>
        new Map([...(await this.findByIds(ids)).values()].map((t) => [t.id, { spaceId: t.spaceId, threadId: t.id }])),
    });
  }

  async create(actor: Actor, raw: CreateThreadInput): Promise<Thread> {
    const space = await this.spaces.get(actor, raw.spaceId, 'spaceId');
    ensureAllowed(
      SpacePolicy.canPost(space.space, space.role),
      'Only the members of this space can start threads here.',
      DiscussionsReason.SPACE_MEMBERS_ONLY,
    );
    const input = parseInput(createThreadInput, raw);
    ensureAllowed(
      AuthoredContentPolicy.canSpeakFor(actor, input.onBehalfOfOrganizationId),
      'Only a representative can post on behalf of the organisation.',
      DiscussionsReason.SPEAK_FOR_REPRESENTATIVES_ONLY,
    );
    const citation = input.citation ? await this.citations.resolve(actor, input.citation) : null;
    const now = this.clock.now();
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(Thread);
      const thread = await repository.save(
        repository.create({
          spaceId: space.space.id,
          title: input.title,
          body: input.body,
          tags: input.tags,
          documentId: citation?.documentId ?? null,
          versionId: citation?.versionId ?? null,
          sectionKey: citation?.sectionKey ?? null,
          authorId: actor.userId,
          organizationId: input.onBehalfOfOrganizationId ?? null,
          pinned: false,
          locked: false,
          lastActivityAt: now,
          lastActivityById: actor.userId,
          editedAt: null,
          deletedAt: null,
        }),
      );
      await recordThreadEvent(manager, 'THREAD_CREATED', thread, actor);
      return thread;
    });
  }

  /**
   * A pinned announcement posted on behalf of another area's rules (no permission check, like
   * `SpaceService.createFor`), in the caller's transaction: e.g. a consultation's new deadline in its own space.
   */
  async announce(
    manager: EntityManager,
    actor: Actor,
    input: { spaceId: string; title: string; body: string; tags: string[] },
  ): Promise<Thread> {
    const now = this.clock.now();
    const repository = manager.getRepository(Thread);
    const thread = await repository.save(
      repository.create({
        ...input,
        documentId: null,
        versionId: null,
        sectionKey: null,
        authorId: actor.userId,
        organizationId: null,
        pinned: true,
        locked: false,
        lastActivityAt: now,
        lastActivityById: actor.userId,
        editedAt: null,
        deletedAt: null,
      }),
    );
    await recordThreadEvent(manager, 'THREAD_CREATED', thread, actor);
    return thread;
  }

  async edit(actor: Actor, rawId: string, raw: EditThreadInput): Promise<Thread> {
    const { thread } = await this.get(actor, rawId);
    ensureAllowed(
      AuthoredContentPolicy.canEdit(actor, thread),
      'Only its author can edit a thread.',
      DiscussionsReason.THREAD_AUTHOR_ONLY,
    );
    const input = parseInput(editThreadInput, raw);
    const changes: Record<string, unknown> = { editedAt: this.clock.now() };
    for (const field of ['title', 'body', 'tags'] as const)
      if (input[field] !== undefined) changes[field] = input[field];
    await this.db.transaction(async (manager) => {
      await updateVersioned(manager, Thread, thread.id, input.version, changes, 'This thread');
      await recordThreadEvent(manager, 'THREAD_CHANGED', thread, actor);
    });
    return (await this.get(actor, thread.id)).thread;
  }

  async delete(actor: Actor, rawId: string): Promise<Thread> {
    const { thread } = await this.get(actor, rawId);
    ensureAllowed(
      AuthoredContentPolicy.canDelete(actor, thread),
      'Only its author can delete a thread.',
      DiscussionsReason.THREAD_AUTHOR_ONLY,
    );
    return this.db.transaction(async (manager) => {
      const { content, deletedNow } = await softDelete(manager, Thread, thread.id, this.clock.now());
      if (deletedNow) await recordThreadEvent(manager, 'THREAD_DELETED', thread, actor);
      return content;
    });
  }

  /**
   * Pin (SpacePolicy.canModerate: space owners and moderators; platform moderators outside PRIVATE spaces). Locking
   * is moderation's LOCK action (`ModerationService.setThreadLocked`, through DiscussionsModeration's `setLocked`),
   * with its log entry: one mechanism whether it comes from the thread's page or the moderation queue.
   */
  async moderate(actor: Actor, rawId: string, change: { pinned: boolean }): Promise<Thread> {
    const { thread, space } = await this.get(actor, rawId);
    ensureAllowed(
      SpacePolicy.canModerate(actor, space.space, space.role),
      'Only the space’s moderators can pin or lock threads.',
      DiscussionsReason.SPACE_MODERATORS_ONLY,
    );
    await this.db.transaction(async (manager) => {
      await manager.getRepository(Thread).update({ id: thread.id }, change);
      await recordThreadEvent(manager, 'THREAD_CHANGED', thread, actor);
    });
    return (await this.get(actor, thread.id)).thread;
  }

  /**
   * A thread the actor may read (a deleted or hidden one only while replies hang under it), with its space; else
   * NOT_FOUND. A database failure propagates as such: it is never "not found".
   */
  async get(actor: Actor, rawId: string): Promise<{ thread: Thread; space: VisibleSpace }> {
    const id = parseId(rawId, 'id');
    const shown = shownSql(actor);
    // One statement: the thread, its space and the actor's roles there (plain SQL: no query builder on this path,
    // which every reply takes).
    const rows: (ThreadRow & SpaceRow)[] = await this.db.query(
      ...namedQuery(
        `SELECT ${THREAD_COLUMNS_SQL}, ${SPACE_COLUMNS_SQL('space')}, ${SpacePolicy.rolesSql('space')} AS space_roles
           FROM threads thread JOIN spaces space ON space.id = thread.space_id
          WHERE thread.id = :id AND ${shown.sql}`,
        { id, ...readerParameters(actor), ...shown.params },
      ),
    );
    const row = rows[0];
    ensureVisible(row !== undefined, 'Thread');
    const found = row as ThreadRow & SpaceRow;
    const space = visibleSpaceFromRow(found);
    ensureVisible(SpacePolicy.canRead(space.space, space.role), 'Thread');
    return { thread: this.threadFromRow(found), space };
  }

  /** A space's threads: pinned first, then by last activity; optionally those with a tag. */
  async inSpace(
    actor: Actor,
    space: VisibleSpace,
    rawFilter: ThreadFilter,
    page: PageRequest,
  ): Promise<Connection<Thread>> {
    ensureVisible(SpacePolicy.canRead(space.space, space.role), 'Space');
    const filter = parseInput(threadFilter, rawFilter, 'filter');
    const window = pageWindow(page);
    const selection: ThreadSelection = { joins: '', where: [], params: {} };
    narrow(selection, { sql: 'thread.space_id = :spaceId', params: { spaceId: space.space.id } });
    narrow(selection, shownSql(actor));
    if (filter.tag) narrow(selection, { sql: ':tag = ANY(thread.tags)', params: { tag: filter.tag } });
    if (filter.text) narrow(selection, textMatchSql('thread.search_vector', filter.text));
    return this.readPage(actor, selection, PINNED_THEN_ACTIVE, window);
  }

  /**
   * The actor's own threads, most recently active first, in the spaces they still read (SpacePolicy.readableSql):
   * present ones (AuthoredContentPolicy.presentSql: their own hidden ones stay visible to them), optionally of one
   * space or with a tag.
   */
  async mine(
    actor: Actor,
    rawFilter: ThreadFilter & { spaceId?: string | null },
    page: PageRequest,
  ): Promise<Connection<Thread>> {
    const filter = parseInput(threadFilter, rawFilter, 'filter');
    const spaceId = rawFilter.spaceId ? parseId(rawFilter.spaceId, 'spaceId') : null;
    const window = pageWindow(page);
    const selection: ThreadSelection = { joins: SPACE_JOIN, where: [], params: {} };
    narrow(selection, { sql: 'thread.author_id = :me', params: { me: actor.userId } });
    narrow(selection, { sql: SpacePolicy.readableSql('space'), params: readerParameters(actor) });
    narrow(selection, AuthoredContentPolicy.presentSql('THREAD', 'thread', actor));
    if (spaceId) narrow(selection, { sql: 'thread.space_id = :spaceId', params: { spaceId } });
    if (filter.tag) narrow(selection, { sql: ':tag = ANY(thread.tags)', params: { tag: filter.tag } });
    return this.readPage(actor, selection, MOST_RECENT, window);
  }

  /** "What's new for me": threads of every space the actor reads with activity by others since they last read them. */
  async whatsNew(actor: Actor, page: PageRequest): Promise<Connection<Thread>> {
    const window = pageWindow(page);
    return this.readPage(actor, this.newForActor(actor), MOST_RECENT, window);
  }

  /** Per space (batch, for DataLoaders): how many of its threads are new for the actor, as `whatsNew` counts them. */
  async newCountsBySpace(actor: Actor, spaceIds: readonly string[]): Promise<Map<string, number>> {
    if (spaceIds.length === 0) return new Map();
    const selection = this.newForActor(actor);
    narrow(selection, { sql: 'thread.space_id = ANY(CAST(:spaceIds AS uuid[]))', params: { spaceIds: [...spaceIds] } });
    const rows: { spaceId: string; count: string }[] = await this.db.query(
      ...namedQuery(
        `SELECT thread.space_id AS "spaceId", count(*) AS count ${fromSql(selection)} GROUP BY thread.space_id`,
        selection.params,
      ),
    );
    return new Map(rows.map((row) => [row.spaceId, Number(row.count)]));
  }

  /**
   * Threads citing a document (optionally one article of it, by its stable key across versions), most recently
   * active first, in the spaces the actor reads (SpacePolicy.readableSql) and shown to them (AuthoredContentPolicy).
   */
  async citing(
    actor: Actor,
    rawDocumentId: string,
    sectionKey: string | null,
    page: PageRequest,
  ): Promise<Connection<Thread>> {
    const documentId = parseId(rawDocumentId, 'documentId');
    const window = pageWindow(page);
    const selection: ThreadSelection = { joins: SPACE_JOIN, where: [], params: {} };
    narrow(selection, { sql: 'thread.document_id = :documentId', params: { documentId } });
    narrow(selection, { sql: SpacePolicy.readableSql('space'), params: readerParameters(actor) });
    narrow(selection, shownSql(actor));
    if (sectionKey) narrow(selection, { sql: 'thread.section_key = :sectionKey', params: { sectionKey } });
    return this.readPage(actor, selection, MOST_RECENT, window);
  }

  /**
   * One page of the selected threads in one statement (plain SQL), with each one's author, moderation record and
   * activity (threadPreloads); the total is counted only if asked for (a second statement, then).
   */
  private async readPage(
    actor: Actor,
    selection: ThreadSelection,
    keyset: KeysetColumn[],
    window: PageWindow,
  ): Promise<Connection<Thread>> {
    const page = keysetSql(keyset, window);
    const rows: PageRow[] = await this.db.query(
      ...namedQuery(
        `WITH page AS (
         SELECT ${THREAD_COLUMNS_SQL}, thread.reply_count AS activity_replies, thread.participant_count AS activity_participants
           ${fromSql(selection, ...(page.after ? [page.after] : []))}
          ORDER BY ${page.orderBy} LIMIT :pageLimit)
       SELECT page.*,
              author.email AS author_email, author.display_name AS author_display_name, author.locale AS author_locale,
              author.platform_role AS author_platform_role, author.status AS author_status,
              author.created_at AS author_created_at, author.updated_at AS author_updated_at, author.version AS author_version,
              moderation.content_id AS moderation_content_id, moderation.hidden AS moderation_hidden,
              moderation.hidden_reason AS moderation_hidden_reason, moderation.hidden_at AS moderation_hidden_at,
              moderation.space_id AS moderation_space_id, moderation.platform_moderated AS moderation_platform_moderated,
              moderation.moderating_organization_id AS moderation_moderating_organization_id,
              seen.last_read_at AS seen_last_read_at,
              ${activityColumnsSql('page.activity_replies', 'page.activity_participants')}
         FROM page
         LEFT JOIN ${UserQueries.rowsSql()} author ON author.id = page.thread_author_id
         LEFT JOIN ${ContentModerationQueries.rowsSql()} moderation
                ON moderation.content_type = 'THREAD' AND moderation.content_id = page.thread_id
         ${activityJoinsSql('page.thread_id', ':me')}
        ORDER BY ${keyset.map((column) => `page.${column.expression.replace('.', '_')} ${column.direction ?? 'ASC'}`).join(', ')}`,
        { ...selection.params, ...page.params, pageLimit: page.limit, me: actor.userId },
      ),
    );
    const threads = rows.map((row) => {
      const thread = this.threadFromRow(row);
      threadPreloads.set(thread, {
        author:
          row.author_email === null
            ? null
            : Object.assign(new User(), {
                id: thread.authorId,
                email: row.author_email,
                displayName: row.author_display_name,
                locale: row.author_locale,
                platformRole: row.author_platform_role,
                status: row.author_status,
                createdAt: row.author_created_at,
                updatedAt: row.author_updated_at,
                version: row.author_version,
              }),
        moderation:
          row.moderation_content_id === null
            ? null
            : {
                hidden: row.moderation_hidden,
                reason: row.moderation_hidden_reason,
                hiddenAt: row.moderation_hidden_at,
                spaceId: row.moderation_space_id,
                platformModerated: row.moderation_platform_moderated,
                moderatingOrganizationId: row.moderation_moderating_organization_id,
              },
        activity: {
          replyCount: row.replies,
          participantCount: row.participants,
          unreadCount: row.unread,
          lastReadAt: row.seen_last_read_at,
        },
      });
      return thread;
    });
    return toConnection(threads, window, keysetKeyOf<Thread>(keyset), async () => {
      const [{ count }]: { count: number }[] = await this.db.query(
        ...namedQuery(`SELECT count(*)::int AS count ${fromSql(selection)}`, selection.params),
      );
      return count;
    });
  }

  /** Threads in spaces the actor reads, present, with activity by others since the actor last read them. */
  private newForActor(actor: Actor): ThreadSelection {
    const selection: ThreadSelection = {
      joins: `${SPACE_JOIN} LEFT JOIN thread_reads seen ON seen.thread_id = thread.id AND seen.user_id = :me`,
      where: [],
      params: {},
    };
    narrow(selection, { sql: SpacePolicy.readableSql('space'), params: readerParameters(actor) });
    narrow(selection, AuthoredContentPolicy.presentSql('THREAD', 'thread', actor));
    narrow(selection, { sql: 'thread.last_activity_by_id IS DISTINCT FROM :me' });
    narrow(selection, { sql: `thread.last_activity_at > COALESCE(seen.last_read_at, '-infinity'::timestamptz)` });
    return selection;
  }

  /**
   * Moves the actor's read marker forward to now, with the counted replies by others it covers (read_replies, for
   * the unread count). The thread's row is locked first (FOR SHARE), as the reply triggers lock it before adjusting
   * markers, so a reply committed meanwhile is counted once: here or by its trigger (StoreThreadActivity).
   */
  async markRead(actor: Actor, rawId: string): Promise<Thread> {
    const { thread } = await this.get(actor, rawId);
    await this.db.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM threads WHERE id = $1 FOR SHARE`, [thread.id]);
      await manager.query(
        `WITH marker AS (
           SELECT GREATEST($3::timestamptz,
                           (SELECT last_read_at FROM thread_reads WHERE user_id = $1 AND thread_id = $2)) AS at)
         INSERT INTO thread_reads (user_id, thread_id, last_read_at, read_replies)
         SELECT $1, $2, marker.at,
                (SELECT count(*) FROM comments c
                  WHERE c.subject_type = 'THREAD' AND c.subject_id = $2 AND c.author_id <> $1
                    AND c.created_at <= marker.at AND ${AuthoredContentPolicy.countedSql('COMMENT', 'c')})
           FROM marker
         ON CONFLICT (user_id, thread_id) DO UPDATE
           SET last_read_at = EXCLUDED.last_read_at, read_replies = EXCLUDED.read_replies`,
        [actor.userId, thread.id, this.clock.now()],
      );
    });
    return thread;
  }

  /** Batch read for DataLoaders: reply and participant counts and the actor's unread replies per thread. */
  async activity(actor: Actor, threadIds: readonly string[]): Promise<Map<string, ThreadActivity>> {
    if (threadIds.length === 0) return new Map();
    const rows: { id: string; replies: number; participants: number; unread: number; last_read_at: Date | null }[] =
      await this.db.query(
        `SELECT t.id, ${activityColumnsSql('t.reply_count', 't.participant_count')}, seen.last_read_at
           FROM threads t
           ${activityJoinsSql('t.id', '$2')}
          WHERE t.id = ANY($1::uuid[])`,
        [[...threadIds], actor.userId],
      );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          replyCount: row.replies,
          participantCount: row.participants,
          unreadCount: row.unread,
          lastReadAt: row.last_read_at,
        },
      ]),
    );
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, Thread>> {
    return rowsById(this.db, Thread, ids);
  }

  /**
   * For each question (a thread and people), which of these people (active accounts) may read the thread now, as
   * `get` decides for each of them (shown to them, in a space they read); with `despiteRemoval`, who could read it
   * apart from its deletion or hiding (its space's readers, to learn it is gone). All the questions in one
   * statement, on `db` (live updates run it on connections of their own).
   */
  async readersNow(questions: readonly ReadersQuestion[], db: RowsRunner = this.db): Promise<Set<string>[]> {
    return answerReadersQuestions(
      db,
      questions,
      `SELECT question.i, u.id AS user_id FROM ${READERS_QUESTIONS_SQL}
         JOIN ${UserQueries.rowsSql()} u ON u.id = question.user_id
         JOIN threads thread ON thread.id = question.subject_id
         JOIN spaces space ON space.id = thread.space_id
        WHERE u.status = 'ACTIVE' AND ${visibleToReaderSql('thread', 'space', 'u', 'question.despite_removal')}`,
    );
  }

  /** Which of these people (active accounts) can read the thread's space: for resolving mentions. */
  private async readersAmong(threadId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows: { id: string }[] = await this.db.query(
      `SELECT u.id FROM ${UserQueries.rowsSql()} u JOIN threads t ON t.id = $1 JOIN spaces s ON s.id = t.space_id
        WHERE u.id = ANY($2::uuid[]) AND u.status = 'ACTIVE' AND ${SpacePolicy.readableByUserSql('s', 'u.id')}`,
      [threadId, [...userIds]],
    );
    return new Set(rows.map((row) => row.id));
  }
}

/** The event of a write on a thread, in its transaction (ids only: readers are checked at delivery). */
function recordThreadEvent(
  manager: EntityManager,
  type: 'THREAD_CREATED' | 'THREAD_CHANGED' | 'THREAD_DELETED',
  thread: Pick<Thread, 'id' | 'spaceId' | 'documentId'>,
  actor: Actor,
) {
  return recordEvent(manager, {
    type,
    subjectType: 'THREAD',
    subjectId: thread.id,
    spaceId: thread.spaceId,
    threadId: thread.id,
    documentId: thread.documentId,
    actorId: actor.userId,
  });
}
