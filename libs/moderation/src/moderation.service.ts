import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  Clock,
  ConflictError,
  Connection,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  PageRequest,
  isStaff,
  cursorValues,
  pageWindow,
  parseInput,
  toConnection,
} from '@majlis/kernel';
import { User, UserService } from '@majlis/identity';
import { ContentType, ModeratedContentRegistry } from './moderated-content';
import {
  ContentActionInput,
  LogFilter,
  QueueFilter,
  ReportReason,
  UserActionInput,
  contentActionInput,
  logFilter,
  queueFilter,
  userActionInput,
} from './moderation.inputs';
import { ensureModerationRow } from './report.service';

/** One piece of reported content in the queue, its open reports grouped. */
export interface QueueItem {
  readonly contentType: ContentType;
  readonly contentId: string;
  readonly hidden: boolean;
  /** Pass it back with an action: a stale one (another moderator acted since) answers CONFLICT. */
  readonly version: number;
  readonly spaceId: string | null;
  readonly documentId: string | null;
  readonly authorId: string | null;
  readonly openReports: number;
  readonly reasons: { reason: ReportReason; count: number }[];
  readonly explanations: string[];
  readonly oldestReportAt: Date;
  excerpt: string;
}

export interface ModerationState {
  readonly hidden: boolean;
  readonly reason: string | null;
  readonly hiddenAt: Date | null;
}

export interface LoggedAction {
  readonly id: string;
  readonly moderatorId: string | null;
  readonly action: string;
  readonly contentType: string | null;
  readonly contentId: string | null;
  readonly targetUserId: string | null;
  readonly reason: string;
  readonly internalNote: string | null;
  readonly suspendedUntil: Date | null;
  readonly createdAt: Date;
}

/** The moderators' side: the queue, actions on content and people, and the append-only log. */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: ModeratedContentRegistry,
    private readonly users: UserService,
    private readonly clock: Clock,
  ) {}

  /** Open reports grouped by content, oldest first: platform moderators see all, space moderators their spaces. */
  async queue(actor: Actor, rawFilter: QueueFilter, page: PageRequest): Promise<Connection<QueueItem>> {
    const filter = parseInput(queueFilter, rawFilter, 'filter');
    const scope = await this.scopeOf(actor);
    const window = pageWindow(page);
    const params: unknown[] = [];
    const where: string[] = [
      `EXISTS (SELECT 1 FROM reports r WHERE r.content_type = cm.content_type AND r.content_id = cm.content_id AND r.status = 'OPEN'${filter.reason ? ` AND r.reason = $${params.push(filter.reason)}` : ''})`,
    ];
    if (scope !== 'ALL') where.push(`cm.space_id = ANY($${params.push(scope)}::uuid[])`);
    if (filter.spaceId) where.push(`cm.space_id = $${params.push(filter.spaceId)}`);
    if (filter.documentId) where.push(`cm.document_id = $${params.push(filter.documentId)}`);
    if (filter.hidden != null) where.push(`cm.hidden = $${params.push(filter.hidden)}`);
    const grouped = `
      SELECT cm.content_type, cm.content_id, cm.hidden, cm.version, cm.space_id, cm.document_id, cm.author_id,
             (SELECT count(*)::int FROM reports r WHERE r.content_type = cm.content_type AND r.content_id = cm.content_id AND r.status = 'OPEN') AS open_reports,
             (SELECT min(r.created_at) FROM reports r WHERE r.content_type = cm.content_type AND r.content_id = cm.content_id AND r.status = 'OPEN') AS oldest,
             (SELECT json_agg(json_build_object('reason', g.reason, 'count', g.n) ORDER BY g.reason) FROM
                (SELECT r.reason, count(*)::int AS n FROM reports r WHERE r.content_type = cm.content_type AND r.content_id = cm.content_id AND r.status = 'OPEN' GROUP BY r.reason) g) AS reasons,
             (SELECT coalesce(json_agg(r.explanation ORDER BY r.created_at), '[]') FROM reports r
                WHERE r.content_type = cm.content_type AND r.content_id = cm.content_id AND r.status = 'OPEN' AND r.explanation IS NOT NULL) AS explanations
        FROM content_moderation cm WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM (${grouped}) q`, params);
    let cursor = '';
    if (window.after) {
      const [oldest, contentId] = cursorValues(window.after, ['timestamptz', 'uuid']);
      cursor = ` WHERE (q.oldest, q.content_id) > ($${params.push(oldest)}::timestamptz, $${params.push(contentId)}::uuid)`;
    }
    const rows: {
      content_type: ContentType;
      content_id: string;
      hidden: boolean;
      version: number;
      space_id: string | null;
      document_id: string | null;
      author_id: string | null;
      open_reports: number;
      oldest: Date;
      reasons: { reason: ReportReason; count: number }[];
      explanations: string[];
    }[] = await this.db.query(
      `SELECT * FROM (${grouped}) q${cursor} ORDER BY q.oldest, q.content_id LIMIT ${window.limit + 1}`,
      params,
    );
    const items: QueueItem[] = rows.map((row) => ({
      contentType: row.content_type,
      contentId: row.content_id,
      hidden: row.hidden,
      version: row.version,
      spaceId: row.space_id,
      documentId: row.document_id,
      authorId: row.author_id,
      openReports: row.open_reports,
      reasons: row.reasons ?? [],
      explanations: row.explanations ?? [],
      oldestReportAt: row.oldest,
      excerpt: '',
    }));
    await this.addExcerpts(items);
    return toConnection(items, window, (item) => [item.oldestReportAt.toISOString(), item.contentId], total);
  }

  /**
   * HIDE, RESTORE, KEEP (reviewed, stays visible), LOCK or UNLOCK a thread. HIDE, RESTORE and KEEP close the open
   * reports. Two moderators acting on the same version: one wins, the other gets CONFLICT.
   */
  async actOnContent(actor: Actor, raw: ContentActionInput): Promise<ModerationState & { version: number }> {
    const input = parseInput(contentActionInput, raw);
    const content = this.registry.content(input.contentType);
    const facts = (await content.describe([input.contentId])).get(input.contentId);
    if (!facts) throw new NotFoundError('Content');
    await this.ensureModerates(actor, facts.spaceId);
    if ((input.action === 'LOCK' || input.action === 'UNLOCK') && !content.setLocked) {
      throw InvalidInputError.field('action', 'only threads are locked and unlocked');
    }
    const now = this.clock.now();
    const state = await this.db.transaction(async (manager) => {
      await ensureModerationRow(manager, input.contentType, input.contentId, facts);
      const changes: Record<ContentActionInput['action'], string> = {
        HIDE: `hidden = true, hidden_reason = $5, hidden_at = $4`,
        RESTORE: `hidden = false, hidden_reason = NULL, hidden_at = NULL`,
        KEEP: `hidden = false, hidden_reason = NULL, hidden_at = NULL`,
        LOCK: `hidden = hidden`,
        UNLOCK: `hidden = hidden`,
      };
      const [rows] = await manager.query(
        `UPDATE content_moderation SET ${changes[input.action]}, reviewed_at = $4, version = version + 1
          WHERE content_type = $1 AND content_id = $2 AND version = $3
          RETURNING hidden, hidden_reason, hidden_at, version`,
        [input.contentType, input.contentId, input.version, now, ...(input.action === 'HIDE' ? [input.reason] : [])],
      );
      if (!rows?.length)
        throw new ConflictError(
          'Another moderator acted on this content since you opened it. Reload the queue.',
          'version',
        );
      if (input.action === 'HIDE' || input.action === 'RESTORE' || input.action === 'KEEP') {
        await manager.query(
          `UPDATE reports SET status = 'CLOSED', closed_at = $3 WHERE content_type = $1 AND content_id = $2 AND status = 'OPEN'`,
          [input.contentType, input.contentId, now],
        );
      }
      if (input.action === 'LOCK' || input.action === 'UNLOCK')
        await content.setLocked!(manager, input.contentId, input.action === 'LOCK');
      await this.log(manager, actor, {
        action: input.action,
        contentType: input.contentType,
        contentId: input.contentId,
        reason: input.reason,
        internalNote: input.internalNote ?? null,
      });
      return rows[0] as { hidden: boolean; hidden_reason: string | null; hidden_at: Date | null; version: number };
    });
    return { hidden: state.hidden, reason: state.hidden_reason, hiddenAt: state.hidden_at, version: state.version };
  }

  /** SUSPEND a person (for a period or indefinitely) or REINSTATE them: platform moderators only. */
  async actOnUser(actor: Actor, raw: UserActionInput): Promise<User> {
    if (!isStaff(actor)) throw new ForbiddenError('Only the ministry’s moderators suspend and reinstate people.');
    const input = parseInput(userActionInput, raw);
    const user =
      input.action === 'SUSPEND'
        ? await this.users.suspend(actor, input.userId, input.until ?? null, input.reason)
        : await this.users.reinstate(actor, input.userId);
    await this.log(this.db.manager, actor, {
      action: input.action,
      targetUserId: user.id,
      reason: input.reason,
      internalNote: input.internalNote ?? null,
      suspendedUntil: input.action === 'SUSPEND' ? (input.until ?? null) : null,
    });
    return user;
  }

  /** The moderation log, newest first, filtered by action, moderator, content or person: platform moderators only. */
  async history(actor: Actor, rawFilter: LogFilter, page: PageRequest): Promise<Connection<LoggedAction>> {
    if (!isStaff(actor)) throw new ForbiddenError('Only the ministry’s moderators read the moderation log.');
    const filter = parseInput(logFilter, rawFilter, 'filter');
    const window = pageWindow(page);
    const params: unknown[] = [];
    const where: string[] = [];
    const columns = {
      action: 'action',
      moderatorId: 'moderator_id',
      contentType: 'content_type',
      contentId: 'content_id',
      targetUserId: 'target_user_id',
    } as const;
    for (const [field, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
      if (filter[field]) where.push(`${column} = $${params.push(filter[field])}`);
    }
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM moderation_actions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    if (window.after) {
      const [createdAt, id] = cursorValues(window.after, ['timestamptz', 'uuid']);
      where.push(`(created_at, id) < ($${params.push(createdAt)}::timestamptz, $${params.push(id)}::uuid)`);
    }
    const rows = await this.db.query(
      `SELECT * FROM moderation_actions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ${window.limit + 1}`,
      params,
    );
    const actions: LoggedAction[] = rows.map((row: Record<string, unknown>) => ({
      id: row['id'],
      moderatorId: row['moderator_id'],
      action: row['action'],
      contentType: row['content_type'],
      contentId: row['content_id'],
      targetUserId: row['target_user_id'],
      reason: row['reason'],
      internalNote: row['internal_note'],
      suspendedUntil: row['suspended_until'],
      createdAt: row['created_at'],
    }));
    return toConnection(actions, window, (action) => [action.createdAt.toISOString(), action.id], total);
  }

  /** Batch read for DataLoaders: moderation state of content (shown to its author and to moderators). */
  async states(type: ContentType, ids: readonly string[]): Promise<Map<string, ModerationState>> {
    if (ids.length === 0) return new Map();
    const rows: { content_id: string; hidden: boolean; hidden_reason: string | null; hidden_at: Date | null }[] =
      await this.db.query(
        `SELECT content_id, hidden, hidden_reason, hidden_at FROM content_moderation WHERE content_type = $1 AND content_id = ANY($2::uuid[])`,
        [type, [...ids]],
      );
    return new Map(
      rows.map((row) => [row.content_id, { hidden: row.hidden, reason: row.hidden_reason, hiddenAt: row.hidden_at }]),
    );
  }

  private async scopeOf(actor: Actor): Promise<'ALL' | string[]> {
    if (isStaff(actor)) return 'ALL';
    const spaces = await this.registry.moderatedSpaces(actor);
    if (spaces.length === 0) throw new ForbiddenError('Only moderators see the moderation queue.');
    return spaces;
  }

  private async ensureModerates(actor: Actor, spaceId: string | null): Promise<void> {
    if (isStaff(actor)) return;
    const spaces = await this.registry.moderatedSpaces(actor);
    if (!spaceId || !spaces.includes(spaceId)) throw new ForbiddenError('Only moderators act on reported content.');
  }

  private async addExcerpts(items: QueueItem[]): Promise<void> {
    const byType = new Map<ContentType, QueueItem[]>();
    items.forEach((item) => byType.set(item.contentType, [...(byType.get(item.contentType) ?? []), item]));
    for (const [type, group] of byType) {
      const facts = await this.registry.content(type).describe(group.map((item) => item.contentId));
      group.forEach((item) => (item.excerpt = facts.get(item.contentId)?.excerpt ?? ''));
    }
  }

  private async log(
    manager: { query(sql: string, params: unknown[]): Promise<unknown> },
    actor: Actor,
    entry: {
      action: string;
      contentType?: string;
      contentId?: string;
      targetUserId?: string;
      reason: string;
      internalNote: string | null;
      suspendedUntil?: Date | null;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO moderation_actions (moderator_id, action, content_type, content_id, target_user_id, reason, internal_note, suspended_until, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        actor.userId,
        entry.action,
        entry.contentType ?? null,
        entry.contentId ?? null,
        entry.targetUserId ?? null,
        entry.reason,
        entry.internalNote,
        entry.suspendedUntil ?? null,
        this.clock.now(),
      ],
    );
  }
}
