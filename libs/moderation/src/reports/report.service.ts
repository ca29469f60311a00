import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  Clock,
  ConflictError,
  Connection,
  KeysetColumn,
  PageRequest,
  applyKeyset,
  ensureAllowed,
  ensureVisible,
  isUniqueViolation,
  pageWindow,
  parseId,
  parseInput,
  toConnection,
} from '@majlis/kernel';
import { HashChains } from '@majlis/audit';
import { MembershipService } from '@majlis/identity';
import { ContentFacts, ContentType, ModeratedContentRegistry } from '../content/moderated-content';
import { MyReportsFilter, ReportInput, ReportReason, myReportsFilter, reportInput } from '../moderation.inputs';
import { MODERATION_OPTIONS, ModerationOptions } from '../moderation.options';
import { appendModerationAction } from '../actions/moderation-log';
import { recordModerationEvent, recordQueueEvent } from '../actions/moderation-events';
import { ModerationPolicy } from '../moderation.policy';
import { ModerationReason } from '../moderation.reasons';

/** What became of a report: null while OPEN; set when a moderator closes it (HIDE, KEEP or RESTORE the content). */
export const REPORT_OUTCOMES = ['HIDDEN', 'KEPT', 'RESTORED'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

/** One report, as its reporter reads it. */
export interface Report {
  readonly id: string;
  readonly contentType: ContentType;
  readonly contentId: string;
  readonly reporterId: string;
  readonly reason: ReportReason;
  readonly explanation: string | null;
  readonly status: 'OPEN' | 'CLOSED';
  readonly outcome: ReportOutcome | null;
  readonly createdAt: Date;
  readonly closedAt: Date | null;
}

/** The columns of `reports` as a Report (for `SELECT ${REPORT_COLUMNS} FROM reports r`). */
export const REPORT_COLUMNS = `r.id, r.content_type AS "contentType", r.content_id AS "contentId", r.reporter_id AS "reporterId",
  r.reason, r.explanation, r.status, r.outcome, r.created_at AS "createdAt", r.closed_at AS "closedAt"`;

const NEWEST_FIRST: KeysetColumn[] = [
  { expression: 'report.created_at', property: 'createdAt', type: 'timestamptz', direction: 'DESC' },
  { expression: 'report.id', property: 'id', type: 'uuid', direction: 'DESC' },
];

/**
 * Reports of content by the people who see it — once each; reporters never learn who else reported. Enough open
 * reports hide the content pending review; a report of confidential information hides it at once when it comes
 * from a moderator or a representative of the organisation concerned.
 */
@Injectable()
export class ReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MODERATION_OPTIONS) private readonly options: ModerationOptions,
    private readonly registry: ModeratedContentRegistry,
    private readonly memberships: MembershipService,
    private readonly clock: Clock,
    private readonly chains: HashChains,
  ) {}

  async report(actor: Actor, raw: ReportInput): Promise<Report> {
    const input = parseInput(reportInput, raw);
    const facts = await this.registry.content(input.contentType).facts(actor, input.contentId);
    ensureAllowed(
      ModerationPolicy.canReport(actor, facts),
      'You cannot report what you wrote: edit or delete it instead.',
      ModerationReason.OWN_CONTENT_REPORT,
    );
    const fastPath =
      input.reason === 'CONFIDENTIAL_INFORMATION' &&
      ModerationPolicy.speaksForConcernedOrganization(actor, await this.concernedOrganizations(facts));
    try {
      return await this.db.transaction(async (manager) => {
        // Locks the content's moderation row: simultaneous reports are counted one after the other.
        await lockModerationRow(manager, input.contentType, input.contentId, facts);
        const [report]: Report[] = await manager.query(
          `INSERT INTO reports AS r (content_type, content_id, reporter_id, reason, explanation, created_at) VALUES ($1, $2, $3, $4, $5, $6)
           RETURNING ${REPORT_COLUMNS}`,
          [input.contentType, input.contentId, actor.userId, input.reason, input.explanation ?? null, this.clock.now()],
        );
        const [{ open }] = await manager.query(
          `SELECT count(*)::int AS open FROM reports WHERE content_type = $1 AND content_id = $2 AND status = 'OPEN'`,
          [input.contentType, input.contentId],
        );
        if (fastPath || open >= this.options.autoHideThreshold) {
          const reason = fastPath
            ? 'Confidential information reported by the organisation concerned'
            : `${open} open reports`;
          const [, hidden] = await manager.query(
            `UPDATE content_moderation SET hidden = true, hidden_reason = $3, hidden_at = $4, version = version + 1
              WHERE content_type = $1 AND content_id = $2 AND NOT hidden`,
            [input.contentType, input.contentId, 'Hidden pending review', this.clock.now()],
          );
          if (hidden > 0) {
            await appendModerationAction(this.chains, manager, {
              moderatorId: null,
              action: 'AUTO_HIDE',
              contentType: input.contentType,
              contentId: input.contentId,
              reason,
              createdAt: this.clock.now(),
            });
            await recordModerationEvent(manager, 'CONTENT_HIDDEN', input.contentType, input.contentId, facts, null);
          }
        }
        await recordQueueEvent(manager, input.contentType, input.contentId, actor.userId);
        return report;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'reports_once_per_reporter'))
        throw new ConflictError('You have already reported this.').because(ModerationReason.ALREADY_REPORTED);
      throw error;
    }
  }

  /** One report, for the person who made it (its status, and its outcome once a moderator acted); else NOT_FOUND. */
  async get(actor: Actor, rawId: string): Promise<Report> {
    const id = parseId(rawId, 'id');
    const [report]: Report[] = await this.db.query(`SELECT ${REPORT_COLUMNS} FROM reports r WHERE r.id = $1`, [id]);
    ensureVisible(!!report && ModerationPolicy.canReadReport(actor, report), 'Report');
    return report;
  }

  /** The actor's own reports, newest first, with their status (ModerationPolicy.readableReportsSql). */
  async mine(actor: Actor, rawFilter: MyReportsFilter, page: PageRequest): Promise<Connection<Report>> {
    const filter = parseInput(myReportsFilter, rawFilter, 'filter');
    const window = pageWindow(page);
    const own = ModerationPolicy.readableReportsSql(actor, 'report');
    const query = this.db
      .createQueryBuilder()
      .from('reports', 'report')
      .select([
        'report.id AS id',
        'report.content_type AS content_type',
        'report.content_id AS content_id',
        'report.reason AS reason',
        'report.explanation AS explanation',
        'report.status AS status',
        'report.outcome AS outcome',
        'report.reporter_id AS reporter_id',
        'report.created_at AS created_at',
        'report.closed_at AS closed_at',
      ])
      .where(own.sql, own.params);
    if (filter.status) query.andWhere('report.status = :status', { status: filter.status });
    if (filter.contentType) query.andWhere('report.content_type = :contentType', { contentType: filter.contentType });
    const total = (await query.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>())?.total ?? 0;
    const rows: {
      id: string;
      content_type: ContentType;
      content_id: string;
      reason: ReportReason;
      explanation: string | null;
      status: 'OPEN' | 'CLOSED';
      outcome: ReportOutcome | null;
      reporter_id: string;
      created_at: Date;
      closed_at: Date | null;
    }[] = await applyKeyset(query, NEWEST_FIRST, window).getRawMany();
    const reports: Report[] = rows.map((row) => ({
      id: row.id,
      contentType: row.content_type,
      contentId: row.content_id,
      reason: row.reason,
      explanation: row.explanation,
      status: row.status,
      outcome: row.outcome,
      reporterId: row.reporter_id,
      createdAt: row.created_at,
      closedAt: row.closed_at,
    }));
    return toConnection(reports, window, (report) => [report.createdAt.toISOString(), report.id], total);
  }

  /** The organisation it speaks for, else its author's organisations. */
  private async concernedOrganizations(facts: ContentFacts): Promise<string[]> {
    if (facts.organizationId) return [facts.organizationId];
    return ((await this.memberships.membershipsOfUsers([facts.authorId])).get(facts.authorId) ?? []).map(
      (m) => m.organizationId,
    );
  }
}

/**
 * The moderation state row of a piece of content, created on first need and refreshed with its context (space,
 * document, who moderates it) each time; it stays locked until the caller's transaction ends, so that reports and
 * actions on the same content run one after the other.
 */
export async function lockModerationRow(
  manager: EntityManager,
  type: ContentType,
  id: string,
  facts: ContentFacts,
): Promise<void> {
  await manager.query(
    `INSERT INTO content_moderation (content_type, content_id, space_id, document_id, author_id, platform_moderated, moderating_organization_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (content_type, content_id) DO UPDATE SET space_id = EXCLUDED.space_id, document_id = EXCLUDED.document_id,
       platform_moderated = EXCLUDED.platform_moderated, moderating_organization_id = EXCLUDED.moderating_organization_id`,
    [
      type,
      id,
      facts.spaceId,
      facts.documentId,
      facts.authorId,
      facts.platformModerated ?? true,
      facts.moderatingOrganizationId ?? null,
    ],
  );
}
