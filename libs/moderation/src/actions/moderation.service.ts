import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import {
  Actor,
  Clock,
  ConflictError,
  Connection,
  InvalidInputError,
  NotFoundError,
  PageRequest,
  ensureAllowed,
  ensureVisible,
  KeysetColumn,
  keysetKeyOf,
  keysetSql,
  pageWindow,
  parseInput,
  toConnection,
} from '@majlis/kernel';
import { HashChains } from '@majlis/audit';
import { User, UserService } from '@majlis/identity';
import {
  ContentFacts,
  ContentLocator,
  ContentType,
  ModeratedContentRegistry,
  locatorOf,
} from '../content/moderated-content';
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
} from '../moderation.inputs';
import { appendModerationAction } from './moderation-log';
import { recordModerationEvent, recordQueueEvent } from './moderation-events';
import { ModerationPolicy } from '../moderation.policy';
import type { ModerationRecord, ModerationState } from '../content/redaction';
import { lockModerationRow } from '../reports/report.service';
import { ModerationReason } from '../moderation.reasons';

/** One piece of reported content in the queue, its open reports grouped. */
export interface QueueItem {
  readonly contentType: ContentType;
  readonly contentId: string;
  readonly hidden: boolean;
  /** Pass it back with an action: a stale one (another moderator acted since) answers CONFLICT. */
  readonly version: number;
  spaceId: string | null;
  documentId: string | null;
  readonly authorId: string | null;
  readonly openReports: number;
  readonly reasons: { reason: ReportReason; count: number }[];
  readonly explanations: string[];
  readonly oldestReportAt: Date;
  excerpt: string;
  /** Where to open it (document, version and article; space and thread; consultation), from its area. */
  locator: ContentLocator;
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

/** The queue, oldest open report first (the grouped rows are aliased `q`). */
const OLDEST_REPORT_FIRST: KeysetColumn[] = [
  { expression: 'q.oldest', property: 'oldestReportAt', type: 'timestamptz' },
  { expression: 'q.content_id', property: 'contentId', type: 'uuid' },
];

/** The log, newest first. */
const NEWEST_ACTION_FIRST: KeysetColumn[] = [
  { expression: 'ma.created_at', property: 'createdAt', type: 'timestamptz', direction: 'DESC' },
  { expression: 'ma.id', property: 'id', type: 'uuid', direction: 'DESC' },
];

/** The moderators' side: the queue, actions on content and people, and the append-only log. */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: ModeratedContentRegistry,
    private readonly users: UserService,
    private readonly clock: Clock,
    private readonly chains: HashChains,
  ) {}

  /**
   * Open reports grouped by content, oldest first: each moderator sees what ModerationPolicy.canModerate lets them
   * act on (its SQL twin), and nothing else — not even an excerpt.
   */
  async queue(actor: Actor, rawFilter: QueueFilter, page: PageRequest): Promise<Connection<QueueItem>> {
    const filter = parseInput(queueFilter, rawFilter, 'filter');
    const moderatedSpaces = await this.registry.moderatedSpaces(actor);
    ensureAllowed(
      ModerationPolicy.isModerator(actor, moderatedSpaces),
      'Only moderators see the moderation queue.',
      ModerationReason.MODERATORS_ONLY,
    );
    const window = pageWindow(page);
    const scope = ModerationPolicy.canModerateSql(actor, 'cm', moderatedSpaces);
    const params: Record<string, unknown> = { ...scope.params };
    const where: string[] = [
      `EXISTS (SELECT 1 FROM reports r WHERE r.content_type = cm.content_type AND r.content_id = cm.content_id AND r.status = 'OPEN'${filter.reason ? ' AND r.reason = :reason' : ''})`,
      scope.sql,
    ];
    const narrow = (condition: string, name: string, value: unknown) => {
      where.push(condition);
      params[name] = value;
    };
    if (filter.reason) params['reason'] = filter.reason;
    if (filter.spaceId) narrow('cm.space_id = :spaceId', 'spaceId', filter.spaceId);
    if (filter.documentId) narrow('cm.document_id = :documentId', 'documentId', filter.documentId);
    if (filter.hidden != null) narrow('cm.hidden = :hidden', 'hidden', filter.hidden);
    const grouped = `
      SELECT cm.content_type, cm.content_id, cm.hidden, cm.version, cm.space_id, cm.document_id, cm.author_id,
             (SELECT count(*)::int FROM reports r WHERE r.content_type = cm.content_type AND r.content_id = cm.content_id AND r.status = 'OPEN') AS open_reports,
             (SELECT min(r.created_at) FROM reports r WHERE r.content_type = cm.content_type AND r.content_id = cm.content_id AND r.status = 'OPEN') AS oldest,
             (SELECT json_agg(json_build_object('reason', g.reason, 'count', g.n) ORDER BY g.reason) FROM
                (SELECT r.reason, count(*)::int AS n FROM reports r WHERE r.content_type = cm.content_type AND r.content_id = cm.content_id AND r.status = 'OPEN' GROUP BY r.reason) g) AS reasons,
             (SELECT coalesce(json_agg(r.explanation ORDER BY r.created_at), '[]') FROM reports r
                WHERE r.content_type = cm.content_type AND r.content_id = cm.content_id AND r.status = 'OPEN' AND r.explanation IS NOT NULL) AS explanations
        FROM content_moderation cm WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM (${grouped}) q`,
      params,
    );
    const keyset = keysetSql(OLDEST_REPORT_FIRST, window);
    const rows = await this.query<{
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
    }>(
      `SELECT * FROM (${grouped}) q${keyset.after ? ` WHERE ${keyset.after}` : ''} ORDER BY ${keyset.orderBy} LIMIT ${keyset.limit}`,
      { ...params, ...keyset.params },
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
      locator: locatorOf(),
    }));
    await this.addExcerpts(items);
    return toConnection(items, window, keysetKeyOf(OLDEST_REPORT_FIRST), total);
  }

  /**
   * HIDE, RESTORE, KEEP (reviewed, stays visible), LOCK or UNLOCK a thread. HIDE, RESTORE and KEEP close the open
   * reports. Two moderators acting on the same version: one wins, the other gets CONFLICT.
   */
  async actOnContent(actor: Actor, raw: ContentActionInput): Promise<ModerationState & { version: number }> {
    return this.act(actor, parseInput(contentActionInput, raw));
  }

  /**
   * Locking a thread from its page (`setThreadLocked`) is this same LOCK or UNLOCK action: the one mechanism, with
   * its policy (ModerationPolicy: the space's owners and moderators, platform moderators outside PRIVATE spaces),
   * its moderation log entry and its events. The thread page shows no moderation version, so none is checked.
   */
  async setThreadLocked(actor: Actor, threadId: string, locked: boolean, reason: string): Promise<void> {
    const input = parseInput(contentActionInput.omit({ version: true }), {
      contentType: 'THREAD',
      contentId: threadId,
      action: locked ? 'LOCK' : 'UNLOCK',
      reason,
    });
    // From the thread's page, as every read of it: a thread one may not read is not found, moderator or not.
    ensureVisible(await this.canRead(actor, 'THREAD', input.contentId), 'Thread');
    await this.act(actor, { ...input, version: null });
  }

  private async act(
    actor: Actor,
    input: Omit<z.output<typeof contentActionInput>, 'version'> & { version: number | null },
  ): Promise<ModerationState & { version: number }> {
    const moderatedSpaces = await this.registry.moderatedSpaces(actor);
    ensureAllowed(
      ModerationPolicy.isModerator(actor, moderatedSpaces),
      'Only moderators act on reported content.',
      ModerationReason.MODERATORS_ONLY,
    );
    const content = this.registry.content(input.contentType);
    const facts = (await content.describe([input.contentId])).get(input.contentId);
    if (!facts) throw new NotFoundError('Content');
    if (!ModerationPolicy.canModerate(actor, scopeOf(facts), moderatedSpaces)) {
      // Content the actor may not even read (a private space's, an organisation's internal comments) is not found.
      ensureVisible(await this.canRead(actor, input.contentType, input.contentId), 'Content');
      ensureAllowed(false, 'Only its moderators act on this content.', ModerationReason.MODERATORS_ONLY);
    }
    if ((input.action === 'LOCK' || input.action === 'UNLOCK') && !content.setLocked) {
      throw InvalidInputError.field('action', 'only threads are locked and unlocked');
    }
    const now = this.clock.now();
    const state = await this.db.transaction(async (manager) => {
      await lockModerationRow(manager, input.contentType, input.contentId, facts);
      const changes: Record<ContentActionInput['action'], string> = {
        HIDE: `hidden = true, hidden_reason = $5, hidden_at = $4`,
        RESTORE: `hidden = false, hidden_reason = NULL, hidden_at = NULL`,
        KEEP: `hidden = false, hidden_reason = NULL, hidden_at = NULL`,
        LOCK: `hidden = hidden`,
        UNLOCK: `hidden = hidden`,
      };
      const [rows] = await manager.query(
        `UPDATE content_moderation SET ${changes[input.action]}, reviewed_at = $4, version = version + 1
          WHERE content_type = $1 AND content_id = $2 AND ($3::int IS NULL OR version = $3)
          RETURNING hidden, hidden_reason, hidden_at, version`,
        [input.contentType, input.contentId, input.version, now, ...(input.action === 'HIDE' ? [input.reason] : [])],
      );
      if (!rows?.length)
        throw new ConflictError(
          'Another moderator acted on this content since you opened it. Reload the queue.',
          'version',
        ).because(ModerationReason.MODERATED_SINCE);
      if (input.action === 'HIDE' || input.action === 'RESTORE' || input.action === 'KEEP') {
        // Each open report is closed with what became of it, which its reporter reads (ReportService.get).
        const outcome = { HIDE: 'HIDDEN', RESTORE: 'RESTORED', KEEP: 'KEPT' }[input.action];
        await manager.query(
          `UPDATE reports SET status = 'CLOSED', closed_at = $3, outcome = $4 WHERE content_type = $1 AND content_id = $2 AND status = 'OPEN'`,
          [input.contentType, input.contentId, now, outcome],
        );
      }
      if (input.action === 'LOCK' || input.action === 'UNLOCK')
        await content.setLocked!(manager, input.contentId, input.action === 'LOCK');
      await appendModerationAction(this.chains, manager, {
        moderatorId: actor.userId,
        action: input.action,
        contentType: input.contentType,
        contentId: input.contentId,
        reason: input.reason,
        internalNote: input.internalNote ?? null,
        createdAt: now,
      });
      const event = { HIDE: 'CONTENT_HIDDEN', RESTORE: 'CONTENT_RESTORED', KEEP: 'CONTENT_RESTORED' } as const;
      await recordModerationEvent(
        manager,
        input.action === 'LOCK' || input.action === 'UNLOCK' ? 'THREAD_CHANGED' : event[input.action],
        input.contentType,
        input.contentId,
        facts,
        actor.userId,
      );
      await recordQueueEvent(manager, input.contentType, input.contentId, actor.userId);
      return rows[0] as { hidden: boolean; hidden_reason: string | null; hidden_at: Date | null; version: number };
    });
    return { hidden: state.hidden, reason: state.hidden_reason, hiddenAt: state.hidden_at, version: state.version };
  }

  /**
   * SUSPEND a person (for a period or indefinitely) or REINSTATE them: platform moderators only. The one path for
   * both (the deprecated suspendUser and reinstateUser come here too): the status change, its audit event, the
   * ended sessions and the moderation log entry commit together. Two moderators acting at once: one wins, the
   * other gets CONFLICT (see UserService.changeStatus for the preconditions).
   */
  async actOnUser(actor: Actor, raw: UserActionInput): Promise<User> {
    ensureAllowed(
      ModerationPolicy.canModeratePeople(actor),
      'Only the ministry’s moderators suspend and reinstate people.',
      ModerationReason.PEOPLE_MODERATORS_ONLY,
    );
    const input = parseInput(userActionInput, raw);
    const until = input.action === 'SUSPEND' ? (input.until ?? null) : null;
    return this.users.changeStatus(
      actor,
      input.userId,
      { action: input.action, until, reason: input.reason, version: input.version ?? null },
      (manager, user) =>
        appendModerationAction(this.chains, manager, {
          moderatorId: actor.userId,
          action: input.action,
          targetUserId: user.id,
          reason: input.reason,
          internalNote: input.internalNote ?? null,
          suspendedUntil: until,
          createdAt: this.clock.now(),
        }),
    );
  }

  /** The moderation log, newest first, filtered by action, moderator, content or person: platform moderators only. */
  async history(actor: Actor, rawFilter: LogFilter, page: PageRequest): Promise<Connection<LoggedAction>> {
    ensureAllowed(
      ModerationPolicy.canReadLog(actor),
      'Only the ministry’s moderators read the moderation log.',
      ModerationReason.MODERATORS_ONLY,
    );
    const filter = parseInput(logFilter, rawFilter, 'filter');
    const window = pageWindow(page);
    // Entries about content the reader does not moderate (a private space's, an organisation's internal comments)
    // stay out: their reasons and notes may quote it.
    const scope = ModerationPolicy.canModerateSql(actor, 'cm', await this.registry.moderatedSpaces(actor));
    const params: Record<string, unknown> = { ...scope.params };
    const where: string[] = [
      `(ma.content_id IS NULL OR EXISTS (SELECT 1 FROM content_moderation cm WHERE cm.content_type = ma.content_type AND cm.content_id = ma.content_id AND ${scope.sql}))`,
    ];
    const columns = {
      action: 'action',
      moderatorId: 'moderator_id',
      contentType: 'content_type',
      contentId: 'content_id',
      targetUserId: 'target_user_id',
    } as const;
    for (const [field, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
      if (filter[field]) {
        where.push(`ma.${column} = :${field}`);
        params[field] = filter[field];
      }
    }
    const [{ total }] = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM moderation_actions ma WHERE ${where.join(' AND ')}`,
      params,
    );
    const keyset = keysetSql(NEWEST_ACTION_FIRST, window);
    if (keyset.after) where.push(keyset.after);
    const rows = await this.query<{
      id: string;
      moderator_id: string | null;
      action: string;
      content_type: string | null;
      content_id: string | null;
      target_user_id: string | null;
      reason: string;
      internal_note: string | null;
      suspended_until: Date | null;
      created_at: Date;
    }>(
      `SELECT ma.* FROM moderation_actions ma WHERE ${where.join(' AND ')} ORDER BY ${keyset.orderBy} LIMIT ${keyset.limit}`,
      { ...params, ...keyset.params },
    );
    const actions: LoggedAction[] = rows.map((row) => ({
      id: row.id,
      moderatorId: row.moderator_id,
      action: row.action,
      contentType: row.content_type,
      contentId: row.content_id,
      targetUserId: row.target_user_id,
      reason: row.reason,
      internalNote: row.internal_note,
      suspendedUntil: row.suspended_until,
      createdAt: row.created_at,
    }));
    return toConnection(actions, window, keysetKeyOf(NEWEST_ACTION_FIRST), total);
  }

  /** Batch read for DataLoaders: moderation state of content, with who moderates it (for Redaction). */
  async states(type: ContentType, ids: readonly string[]): Promise<Map<string, ModerationRecord>> {
    if (ids.length === 0) return new Map();
    const rows: {
      content_id: string;
      hidden: boolean;
      hidden_reason: string | null;
      hidden_at: Date | null;
      space_id: string | null;
      platform_moderated: boolean;
      moderating_organization_id: string | null;
    }[] = await this.db.query(
      `SELECT content_id, hidden, hidden_reason, hidden_at, space_id, platform_moderated, moderating_organization_id
         FROM content_moderation WHERE content_type = $1 AND content_id = ANY($2::uuid[])`,
      [type, [...ids]],
    );
    return new Map(
      rows.map((row) => [
        row.content_id,
        {
          hidden: row.hidden,
          reason: row.hidden_reason,
          hiddenAt: row.hidden_at,
          spaceId: row.space_id,
          platformModerated: row.platform_moderated,
          moderatingOrganizationId: row.moderating_organization_id,
        },
      ]),
    );
  }

  /** Only moderators follow the moderation queue live, as only they read it (FORBIDDEN otherwise). */
  async ensureWatchesQueue(actor: Actor): Promise<void> {
    const moderatedSpaces = await this.registry.moderatedSpaces(actor);
    ensureAllowed(
      ModerationPolicy.isModerator(actor, moderatedSpaces),
      'Only moderators see the moderation queue.',
      ModerationReason.MODERATORS_ONLY,
    );
  }

  /**
   * Which of these people (by user id, each actor as their connection knows it now) see this content in their
   * moderation queue now (ModerationPolicy.canModerate over its moderation row): the audience of its QUEUE_CHANGED
   * live event, decided once per event: the content's row, then who among them moderates its space, one statement each.
   */
  async queueWatchers(type: ContentType, id: string, people: ReadonlyMap<string, Actor>): Promise<Set<string>> {
    const [row]: { space_id: string | null; platform_moderated: boolean; moderating_organization_id: string | null }[] =
      await this.db.query(
        `SELECT space_id, platform_moderated, moderating_organization_id FROM content_moderation
          WHERE content_type = $1 AND content_id = $2`,
        [type, id],
      );
    const watchers = new Set<string>();
    if (!row) return watchers;
    const scope = {
      spaceId: row.space_id,
      platformModerated: row.platform_moderated,
      moderatingOrganizationId: row.moderating_organization_id,
    };
    // canModerate asks of the spaces one moderates only whether the content's space is among them: who among these
    // people moderates that space is read once for all of them (none when its space does not decide).
    const spaceModerators =
      row.space_id && !row.moderating_organization_id
        ? await this.registry.spaceModerators(row.space_id, people)
        : new Set<string>();
    for (const [userId, actor] of people) {
      const moderated = row.space_id && spaceModerators.has(userId) ? [row.space_id] : [];
      if (ModerationPolicy.canModerate(actor, scope, moderated)) watchers.add(userId);
    }
    return watchers;
  }

  /** The spaces the actor moderates (their owner or moderator): for Redaction, once per request. */
  moderatedSpaces(actor: Actor): Promise<string[]> {
    return this.registry.moderatedSpaces(actor);
  }

  /** Whether the actor may read the content at all (NOT_FOUND from its area means no; other failures propagate). */
  private async canRead(actor: Actor, type: ContentType, id: string): Promise<boolean> {
    try {
      await this.registry.content(type).facts(actor, id);
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }

  /** Runs SQL written with named parameters (:name), as the policy's SQL twins are. */
  private query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.db.driver.escapeQueryWithParameters(sql, params, {});
    return this.db.query(text, values);
  }

  /** The excerpt and the locator of each item, from its area (one batch per content type). */
  private async addExcerpts(items: QueueItem[]): Promise<void> {
    const byType = new Map<ContentType, QueueItem[]>();
    items.forEach((item) => byType.set(item.contentType, [...(byType.get(item.contentType) ?? []), item]));
    for (const [type, group] of byType) {
      const facts = await this.registry.content(type).describe(group.map((item) => item.contentId));
      for (const item of group) {
        const fact = facts.get(item.contentId);
        item.excerpt = fact?.excerpt ?? '';
        item.locator = locatorOf({
          spaceId: item.spaceId ?? fact?.spaceId ?? null,
          documentId: item.documentId ?? fact?.documentId ?? null,
          ...fact?.locator,
        });
        item.spaceId = item.locator.spaceId;
        item.documentId = item.locator.documentId;
      }
    }
  }
}

/** Who moderates a piece of content, from what its area says of it. */
function scopeOf(facts: ContentFacts) {
  return {
    spaceId: facts.spaceId,
    platformModerated: facts.platformModerated ?? true,
    moderatingOrganizationId: facts.moderatingOrganizationId ?? null,
  };
}
