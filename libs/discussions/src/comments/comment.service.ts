import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  Actor,
  Clock,
  Connection,
  ForbiddenError,
  InvalidInputError,
  KeysetColumn,
  NotFoundError,
  PageRequest,
  applyKeyset,
  ensureAllowed,
  keysetKeyOf,
  pageWindow,
  parseId,
  parseInput,
  recordEvent,
  writeRecordingEvent,
  toConnection,
  updateVersioned,
  READERS_QUESTIONS_SQL,
  ReadersQuestion,
  RowsRunner,
  readersAnswers,
  readersQuestionsParams,
  rowsById,
} from '@majlis/kernel';
import { UserQueries } from '@majlis/identity';
import type { ContentLocator } from '@majlis/moderation';
import { softDelete } from '../authored-content';
import { AuthoredContentPolicy } from '../authored-content.policy';
import { SubjectRegistry, SubjectType } from '../subjects/subject-registry';
import { CommentMention } from './comment-mention.entity';
import { CommentRevision } from './comment-revision.entity';
import { mentionedIds } from './mentions';
import { Comment, MAX_COMMENT_DEPTH } from './comment.entity';
import { EditCommentInput, PostCommentInput, editCommentInput, postCommentInput } from './comment.inputs';
import { DiscussionsReason } from '../discussions.reasons';

/** Comments shown to this actor: present, or holding their place above live replies (AuthoredContentPolicy). */
function shownSql(actor: Actor) {
  return AuthoredContentPolicy.shownSql('COMMENT', 'comment', actor);
}

interface EventScope {
  documentId: string | null;
  spaceId: string | null;
  threadId: string | null;
  consultationId: string | null;
}

const IN_ORDER: KeysetColumn[] = [
  { expression: 'comment.created_at', property: 'createdAt', type: 'timestamptz' },
  { expression: 'comment.id', property: 'id', type: 'uuid' },
];

/**
 * Replies under any subject, as a tree of depth ≤ 3, read oldest first. Visibility and the right to reply are the
 * subject's: each area registers its subject type with the SubjectRegistry.
 */
/** An event's routing ids from where its subject lives. */
function eventScope(locator: Partial<ContentLocator>): EventScope {
  return {
    documentId: locator.documentId ?? null,
    spaceId: locator.spaceId ?? null,
    threadId: locator.threadId ?? null,
    consultationId: locator.consultationId ?? null,
  };
}

/** A `comments` row as RETURNING * gives it. */
interface CommentRow {
  id: string;
  subject_type: SubjectType;
  subject_id: string;
  parent_id: string | null;
  depth: number;
  author_id: string;
  organization_id: string | null;
  is_official: boolean;
  body: string;
  edited_at: Date | null;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

function commentFromRow(row: CommentRow): Comment {
  return Object.assign(new Comment(), {
    id: row.id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    parentId: row.parent_id,
    depth: row.depth,
    authorId: row.author_id,
    organizationId: row.organization_id,
    isOfficial: row.is_official,
    body: row.body,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  });
}

@Injectable()
export class CommentService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly subjects: SubjectRegistry,
    private readonly clock: Clock,
  ) {}

  /** A comment is seen by whoever sees what it replies to; it can itself be endorsed. */
  onModuleInit(): void {
    this.subjects.register('COMMENT', {
      ensureVisible: async (actor, id) => {
        const comment = await this.get(actor, id);
        return { authorId: comment.authorId };
      },
      ensureCanReply: async () => {
        throw new ForbiddenError('Reply to the conversation, not to a comment as a subject.').because(
          DiscussionsReason.COMMENT_NOT_A_SUBJECT,
        );
      },
      readersAmong: async () => new Set<string>(),
    });
  }

  async post(actor: Actor, raw: PostCommentInput): Promise<Comment> {
    const input = parseInput(postCommentInput, raw);
    const access = this.subjects.access(input.subjectType);
    const located = await access.ensureCanReply(actor, input.subjectId, input.official);
    ensureAllowed(
      !input.official || AuthoredContentPolicy.canAnswerOfficially(actor),
      'Only the ministry’s moderators answer officially.',
      DiscussionsReason.OFFICIAL_ANSWER_MODERATORS_ONLY,
    );
    ensureAllowed(
      AuthoredContentPolicy.canSpeakFor(actor, input.onBehalfOfOrganizationId),
      'Only a representative can post on behalf of the organisation.',
      DiscussionsReason.SPEAK_FOR_REPRESENTATIVES_ONLY,
    );
    let depth = 1;
    if (input.parentId) {
      const parent = await this.db.getRepository(Comment).findOneBy({ id: input.parentId });
      if (
        !parent ||
        parent.subjectType !== input.subjectType ||
        parent.subjectId !== input.subjectId ||
        (parent.deletedAt && !(await this.hasReplies(parent.id)))
      ) {
        throw InvalidInputError.field('parentId', 'is not a reply in this conversation');
      }
      if (parent.depth >= MAX_COMMENT_DEPTH)
        throw InvalidInputError.field('parentId', `replies nest at most ${MAX_COMMENT_DEPTH} levels deep`);
      depth = parent.depth + 1;
    }
    const mentioned = await access.readersAmong(
      input.subjectId,
      mentionedIds(input.body).filter((id) => id !== actor.userId),
    );
    const scope = located ? eventScope(located) : await this.scopeOf(input.subjectType, input.subjectId);
    // The reply and its event in one statement (kernel writeRecordingEvent; a thread's last activity follows by
    // trigger): no transaction of its own unless mentions are written too.
    const write = async (runner: Pick<EntityManager, 'query'>) => {
      const row = await writeRecordingEvent<CommentRow>(
        runner,
        {
          sql: `INSERT INTO comments (subject_type, subject_id, parent_id, depth, author_id, organization_id, is_official, body)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
          params: [
            input.subjectType,
            input.subjectId,
            input.parentId ?? null,
            depth,
            actor.userId,
            input.onBehalfOfOrganizationId ?? null,
            input.official,
            input.body,
          ],
        },
        {
          type: 'COMMENT_CREATED',
          subjectType: 'COMMENT',
          parentType: input.subjectType,
          parentId: input.subjectId,
          ...scope,
          actorId: actor.userId,
        },
      );
      if (!row) throw new Error('INSERT … RETURNING gave no row');
      return commentFromRow(row);
    };
    if (mentioned.size === 0) return write(this.db);
    return this.db.transaction(async (manager) => {
      const comment = await write(manager);
      await manager
        .getRepository(CommentMention)
        .insert([...mentioned].map((userId) => ({ commentId: comment.id, userId })));
      return comment;
    });
  }

  /**
   * People the actor may mention under a subject they see: active accounts who can read it (the area's readersSql,
   * its policy's SQL twin), whose display name, or a word of it, starts with `prefix` (case-insensitive; a leading
   * "@" is ignored), by name; never the actor. Their ids, at most `limit`.
   */
  async mentionable(
    actor: Actor,
    subjectType: SubjectType,
    subjectId: string,
    rawPrefix: string,
    limit = 10,
  ): Promise<string[]> {
    const access = this.subjects.access(subjectType);
    subjectId = parseId(subjectId, 'subjectId');
    await access.ensureVisible(actor, subjectId);
    if (!access.readersSql) throw InvalidInputError.field('subject', 'people cannot be mentioned here');
    const prefix = rawPrefix.normalize('NFKC').trim().replace(/^@/, '').toLowerCase();
    if (prefix.length > 60) throw InvalidInputError.field('prefix', 'is longer than 60 characters');
    const pattern = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
    const readers = access.readersSql('u', subjectId);
    const rows: { id: string }[] = await this.db
      .createQueryBuilder()
      .select('u.id', 'id')
      .from(UserQueries.rowsSql(), 'u')
      .where(`u.status = 'ACTIVE' AND u.id <> :mentioner`, { mentioner: actor.userId })
      .andWhere(`(lower(u.display_name) LIKE :starts OR lower(u.display_name) LIKE :wordStarts)`, {
        starts: `${pattern}%`,
        wordStarts: `% ${pattern}%`,
      })
      .andWhere(readers.sql, readers.params)
      .orderBy('u.display_name')
      .addOrderBy('u.id')
      .limit(Math.min(Math.max(limit, 1), 50))
      .getRawMany();
    return rows.map((row) => row.id);
  }

  /** Batch read for DataLoaders: the people each comment mentions (resolved when it was posted). */
  async mentionsOf(commentIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(commentIds.map((id) => [id, []]));
    if (commentIds.length === 0) return result;
    const rows = await this.db.getRepository(CommentMention).findBy({ commentId: In([...commentIds]) });
    rows.forEach((row) => result.get(row.commentId)?.push(row.userId));
    return result;
  }

  /** Earlier texts of a comment: for its author and the ministry's moderators. */
  async history(actor: Actor, comment: Comment): Promise<CommentRevision[] | null> {
    if (!AuthoredContentPolicy.canSeeHistory(actor, comment)) return null;
    return this.db
      .getRepository(CommentRevision)
      .find({ where: { commentId: comment.id }, order: { createdAt: 'ASC' } });
  }

  /** The author edits; the previous text is kept. A stale version answers CONFLICT. */
  async edit(actor: Actor, rawId: string, raw: EditCommentInput): Promise<Comment> {
    const comment = await this.get(actor, rawId);
    ensureAllowed(
      AuthoredContentPolicy.canEdit(actor, comment),
      'Only its author can edit a comment.',
      DiscussionsReason.COMMENT_AUTHOR_ONLY,
    );
    const input = parseInput(editCommentInput, raw);
    const scope = await this.scopeOf(comment.subjectType, comment.subjectId);
    await this.db.transaction(async (manager) => {
      await updateVersioned(
        manager,
        Comment,
        comment.id,
        input.version,
        { body: input.body, editedAt: this.clock.now() },
        'This comment',
      );
      await manager
        .getRepository(CommentRevision)
        .insert({ commentId: comment.id, body: comment.body, editedById: actor.userId });
      await this.recordCommentEvent(manager, 'COMMENT_CHANGED', comment, scope, actor);
    });
    return this.get(actor, comment.id);
  }

  /** The author deletes: a comment with replies stays as a tombstone so the conversation keeps its shape. */
  async delete(actor: Actor, rawId: string): Promise<Comment> {
    const comment = await this.get(actor, rawId);
    ensureAllowed(
      AuthoredContentPolicy.canDelete(actor, comment),
      'Only its author can delete a comment.',
      DiscussionsReason.COMMENT_AUTHOR_ONLY,
    );
    const scope = await this.scopeOf(comment.subjectType, comment.subjectId);
    return this.db.transaction(async (manager) => {
      const { content, deletedNow } = await softDelete(manager, Comment, comment.id, this.clock.now());
      if (deletedNow) await this.recordCommentEvent(manager, 'COMMENT_DELETED', comment, scope, actor);
      return content;
    });
  }

  async get(actor: Actor, rawId: string): Promise<Comment> {
    const id = parseId(rawId, 'id');
    const shown = shownSql(actor);
    const comment = await this.db
      .getRepository(Comment)
      .createQueryBuilder('comment')
      .where('comment.id = :id', { id })
      .andWhere(shown.sql, shown.params)
      .getOne();
    if (!comment) throw new NotFoundError('Comment');
    await this.subjects.access(comment.subjectType).ensureVisible(actor, comment.subjectId);
    return comment;
  }

  /**
   * For each question (a reply and people), which of these people (active accounts) may read the reply now, as
   * `get` decides for each of them (shown to them, under a subject they see); with `despiteRemoval`, who could read
   * it apart from its deletion or hiding (those who see what it answers). Null for a reply whose subject's area
   * gives no SQL twin of its visibility (then ask `get`). All the questions in one statement, on `db` (live updates
   * run it on connections of their own).
   */
  async readersNow(questions: readonly ReadersQuestion[], db: RowsRunner = this.db): Promise<(Set<string> | null)[]> {
    if (questions.every((question) => question.userIds.length === 0)) return questions.map(() => new Set());
    // Under each kind of subject, its area's twin (SubjectAccess.visibleSql); under the others, undecided here.
    const twins = [...this.subjects.visibleSqlByType('u', 'comment.subject_id')];
    const twin = twins.length ? `comment.subject_type IN (${twins.map(([type]) => `'${type}'`).join(', ')})` : 'FALSE';
    const subjectVisible = `CASE comment.subject_type ${twins
      .map(([type, sql]) => `WHEN '${type}' THEN ${sql}`)
      .join(' ')} ELSE FALSE END`;
    const shown = `(${AuthoredContentPolicy.presentForReaderSql('COMMENT', 'comment', 'u')}
      OR EXISTS (SELECT 1 FROM comments child WHERE child.parent_id = comment.id AND child.deleted_at IS NULL))`;
    const rows = (await db.query(
      `SELECT question.i, u.id AS user_id, ${twin} AS decided FROM ${READERS_QUESTIONS_SQL}
         JOIN ${UserQueries.rowsSql()} u ON u.id = question.user_id
         JOIN comments comment ON comment.id = question.subject_id
        WHERE u.status = 'ACTIVE'
          AND (NOT ${twin} OR ((question.despite_removal OR ${shown}) AND ${subjectVisible}))`,
      readersQuestionsParams(questions),
    )) as { i: number; user_id: string; decided: boolean }[];
    const answers: (Set<string> | null)[] = readersAnswers(
      questions,
      rows.filter((row) => row.decided),
    );
    for (const row of rows) if (!row.decided) answers[row.i] = null;
    return answers;
  }

  /** The conversation under a subject the actor sees, oldest first; deleted comments show only if they have replies. */
  async conversation(
    actor: Actor,
    subjectType: SubjectType,
    subjectId: string,
    page: PageRequest,
  ): Promise<Connection<Comment>> {
    await this.subjects.access(subjectType).ensureVisible(actor, subjectId);
    const window = pageWindow(page);
    const shown = shownSql(actor);
    const query = this.db
      .getRepository(Comment)
      .createQueryBuilder('comment')
      .where('comment.subject_type = :subjectType AND comment.subject_id = :subjectId', { subjectType, subjectId })
      .andWhere(shown.sql, shown.params);
    const totalCount = await query.clone().getCount();
    const rows = await applyKeyset(query, IN_ORDER, window).getMany();
    return toConnection(rows, window, keysetKeyOf<Comment>(IN_ORDER), totalCount);
  }

  /** Batch read for DataLoaders: live replies per subject. */
  async replyCounts(subjectType: SubjectType, subjectIds: readonly string[]): Promise<Map<string, number>> {
    if (subjectIds.length === 0) return new Map();
    const rows: { subject_id: string; count: string }[] = await this.db
      .getRepository(Comment)
      .createQueryBuilder('comment')
      .select('comment.subject_id', 'subject_id')
      .addSelect('count(*)', 'count')
      .where('comment.subject_type = :subjectType AND comment.subject_id IN (:...ids)', {
        subjectType,
        ids: [...subjectIds],
      })
      .andWhere(AuthoredContentPolicy.countedSql('COMMENT', 'comment'))
      .groupBy('comment.subject_id')
      .getRawMany();
    return new Map(rows.map((row) => [row.subject_id, Number(row.count)]));
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, Comment>> {
    return rowsById(this.db, Comment, ids);
  }

  /** Where a conversation lives (its document, space, thread, consultation), to route its events. */
  private async scopeOf(subjectType: SubjectType, subjectId: string): Promise<EventScope> {
    return eventScope((await this.subjects.access(subjectType).locate?.([subjectId]))?.get(subjectId) ?? {});
  }

  /** The event of a write on a reply, in its transaction (ids only: readers are checked at delivery). */
  private recordCommentEvent(
    manager: EntityManager,
    type: 'COMMENT_CREATED' | 'COMMENT_CHANGED' | 'COMMENT_DELETED',
    comment: Pick<Comment, 'id' | 'subjectType' | 'subjectId'>,
    scope: EventScope,
    actor: Actor,
  ) {
    return recordEvent(manager, {
      type,
      subjectType: 'COMMENT',
      subjectId: comment.id,
      parentType: comment.subjectType,
      parentId: comment.subjectId,
      ...scope,
      actorId: actor.userId,
    });
  }

  private async hasReplies(commentId: string): Promise<boolean> {
    return (await this.db.getRepository(Comment).count({ where: { parentId: commentId } })) > 0;
  }
}
