import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { AuditService } from '@majlis/audit';
import { Document, DocumentQueries } from '@majlis/documents';
import { CitationRegistry, ResolvedCitation, SpaceService, ThreadService } from '@majlis/discussions';
import { OrganizationQueries, UserQueries } from '@majlis/identity';
import {
  Actor,
  Clock,
  Connection,
  DeadlinePassedError,
  InvalidInputError,
  KeysetColumn,
  NotFoundError,
  PageRequest,
  applyKeyset,
  keysetKeyOf,
  pageWindow,
  parseId,
  parseInput,
  recordEvent,
  toConnection,
  updateVersioned,
  READERS_QUESTIONS_SQL,
  ReadersQuestion,
  RowsRunner,
  answerReadersQuestions,
} from '@majlis/kernel';
import { ConsultationQuestion, Consultation, DEFAULT_SCALE } from './consultation.entity';
import {
  CreateConsultationInput,
  QuestionInput,
  SynthesisInput,
  UpdateConsultationInput,
  createConsultationInput,
  synthesisInput,
  updateConsultationInput,
} from './consultation.inputs';
import { ConsultationState, stateAt } from './consultation-state';
import { ConsultationAction, ConsultationPolicy } from './consultation.policy';

const BY_CLOSING: KeysetColumn[] = [
  { expression: 'consultation.closes_at', property: 'closesAt', type: 'timestamptz', direction: 'DESC' },
  { expression: 'consultation.id', property: 'id', type: 'uuid', direction: 'DESC' },
];

/** The ministry's side of a consultation: its text, questions, eligibility and lifecycle by the server clock. */
@Injectable()
export class ConsultationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly citations: CitationRegistry,
    private readonly spaces: SpaceService,
    private readonly threads: ThreadService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private readonly frozenQuestions = new LRUCache<string, ConsultationQuestion[]>({ max: 200 });

  async create(actor: Actor, raw: CreateConsultationInput): Promise<Consultation> {
    ConsultationPolicy.enforce(actor, 'CREATE', { publishedAt: null, state: 'DRAFT' });
    const input = parseInput(createConsultationInput, raw);
    const citations = await this.resolveCitations(actor, input.questions);
    return this.db.transaction(async (manager) => {
      const consultation = await manager.getRepository(Consultation).save(
        manager.getRepository(Consultation).create({
          title: input.title,
          summary: input.summary,
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          publishedAt: null,
          resultsPublishedAt: null,
          eligibleKinds: input.eligibleKinds,
          documentIds: [...new Set(input.documentIds)],
          spaceId: null,
          createdById: actor.userId,
        }),
      );
      await manager
        .getRepository(ConsultationQuestion)
        .insert(questionRows(consultation.id, input.questions, citations));
      const linked = [...new Set(input.documentIds)];
      if (linked.length > 0) {
        if ((await DocumentQueries.countExisting(manager, linked)) !== linked.length)
          throw InvalidInputError.field('documentIds', 'names a document that does not exist');
      }
      const invited = [...new Set(input.invitedOrganizationIds)];
      if (invited.length > 0) {
        if ((await OrganizationQueries.countExisting(manager, invited)) !== invited.length)
          throw InvalidInputError.field('invitedOrganizationIds', 'names an organisation that does not exist');
        await manager.query(
          `INSERT INTO consultation_invitations (consultation_id, organization_id) SELECT $1, unnest($2::uuid[])`,
          [consultation.id, invited],
        );
      }
      return consultation;
    });
  }

  /** Resolves the questions' citations, before any transaction (resolving reads documents through the pool). */
  private resolveCitations(actor: Actor, questions: QuestionInput[]): Promise<(ResolvedCitation | null)[]> {
    return Promise.all(
      questions.map((question) => (question.citation ? this.citations.resolve(actor, question.citation) : null)),
    );
  }

  /**
   * Its own discussion space, RESTRICTED and owned by the ministry: participants post, everyone signed in reads.
   * Opened when the consultation is published (a draft's title is the ministry's until then). Its name and
   * description are content, written once in the ministry's working language (French), as its other spaces are.
   */
  private async openSpace(manager: EntityManager, actor: Actor, title: string) {
    const ministryId = await OrganizationQueries.ministryId(manager);
    if (!ministryId) return null;
    return this.spaces.createFor(manager, actor, {
      name: spaceName(title),
      slug: `consultation-${randomBytes(5).toString('hex')}`,
      description: 'Questions au ministère sur cette consultation ; ses réponses sont signalées comme officielles.',
      ownerOrganizationId: ministryId,
      visibility: 'RESTRICTED',
    });
  }

  /** Edits a draft (a stale version answers CONFLICT); once published, its questions are frozen. */
  async updateDraft(actor: Actor, rawId: string, raw: UpdateConsultationInput): Promise<Consultation> {
    const before = await this.get(actor, rawId);
    this.enforce(actor, 'EDIT_DRAFT', before);
    const input = parseInput(updateConsultationInput, raw);
    const opensAt = input.opensAt ?? before.opensAt;
    const closesAt = input.closesAt ?? before.closesAt;
    if (closesAt <= opensAt) throw InvalidInputError.field('closesAt', 'must be after opensAt');
    const citations = await this.resolveCitations(actor, input.questions ?? []);
    await this.db.transaction(async (manager) => {
      const changes: Record<string, unknown> = { opensAt, closesAt };
      for (const field of ['title', 'summary', 'eligibleKinds'] as const)
        if (input[field] !== undefined) changes[field] = input[field];
      await updateVersioned(manager, Consultation, before.id, input.version, changes, 'This consultation');
      if (input.questions) {
        await manager.query(`DELETE FROM consultation_questions WHERE consultation_id = $1`, [before.id]);
        await manager.getRepository(ConsultationQuestion).insert(questionRows(before.id, input.questions, citations));
      }
    });
    return this.get(actor, before.id);
  }

  /** The ministry's synthesis and its response per question ("you said, we did"), shown with the results. */
  async writeSynthesis(actor: Actor, rawId: string, raw: SynthesisInput): Promise<Consultation> {
    const consultation = await this.get(actor, rawId);
    this.enforce(actor, 'WRITE_SYNTHESIS', consultation);
    const input = parseInput(synthesisInput, raw);
    await this.db.transaction(async (manager) => {
      await manager.update(Consultation, { id: consultation.id }, { synthesis: input.synthesis });
      for (const { questionId, response } of input.responses) {
        const [, updated] = await manager.query(
          `UPDATE consultation_questions SET ministry_response = $3 WHERE id = $2 AND consultation_id = $1`,
          [consultation.id, questionId, response],
        );
        if (updated !== 1) throw InvalidInputError.field('responses', 'names a question of another consultation');
      }
    });
    return this.get(actor, consultation.id);
  }

  /**
   * Publishes a draft: from then on it opens and closes by the server clock. Questions are frozen. Its discussion
   * space is opened now, not while it is a draft, so that a draft's title never shows in the list of spaces (a space
   * left by an older draft is made readable now).
   */
  async publish(actor: Actor, rawId: string): Promise<Consultation> {
    return this.change(
      actor,
      rawId,
      'PUBLISH',
      () => ({ publishedAt: this.clock.now() }),
      async (manager, consultation) => {
        if (consultation.spaceId) {
          await this.spaces.reopenFor(manager, consultation.spaceId, {
            name: spaceName(consultation.title),
            visibility: 'RESTRICTED',
          });
          return;
        }
        const space = await this.openSpace(manager, actor, consultation.title);
        if (space) await manager.update(Consultation, { id: consultation.id }, { spaceId: space.id });
      },
    );
  }

  /** Opens a scheduled consultation now. */
  async openNow(actor: Actor, rawId: string): Promise<Consultation> {
    return this.change(actor, rawId, 'OPEN_NOW', () => ({ opensAt: this.clock.now() }));
  }

  /** Closes an open consultation now, with the moderator's reason (audited in the same transaction). */
  async closeNow(actor: Actor, rawId: string, rawReason?: string | null): Promise<Consultation> {
    const reason = parseInput(changeReason, rawReason ?? '', 'reason');
    return this.change(
      actor,
      rawId,
      'CLOSE_NOW',
      () => ({ closesAt: this.clock.now() }),
      (manager, consultation, after) =>
        this.audit.record(
          {
            kind: 'CONSULTATION_DEADLINE_CHANGED',
            actorId: actor.userId,
            subjectType: 'CONSULTATION',
            subjectId: consultation.id,
            details: { closesAt: after.closesAt.toISOString(), reason: 'CLOSED_EARLY', explanation: reason },
          },
          manager,
        ),
    );
  }

  /**
   * Moves the deadline later (a closed consultation re-opens). The new deadline, its audit event and the pinned
   * announcement in the consultation's space are written in one transaction: all of them or none.
   */
  async extend(actor: Actor, rawId: string, rawClosesAt: Date, rawReason?: string | null): Promise<Consultation> {
    const closesAt = parseInput(deadline, rawClosesAt, 'closesAt');
    const reason = parseInput(changeReason, rawReason ?? '', 'reason');
    return this.change(
      actor,
      rawId,
      'EXTEND',
      (before) => {
        if (closesAt.getTime() <= Math.max(before.closesAt.getTime(), this.clock.now().getTime()))
          throw InvalidInputError.field('closesAt', 'must be later than the current deadline and than now');
        return { closesAt };
      },
      async (manager, before) => {
        await this.audit.record(
          {
            kind: 'CONSULTATION_DEADLINE_CHANGED',
            actorId: actor.userId,
            subjectType: 'CONSULTATION',
            subjectId: before.id,
            details: { from: before.closesAt.toISOString(), to: closesAt.toISOString(), reason },
          },
          manager,
        );
        if (before.spaceId)
          await this.threads.announce(manager, actor, {
            spaceId: before.spaceId,
            title: `Délai prolongé / Deadline extended: ${closesAt.toISOString()}`,
            body:
              `La date limite de la consultation « ${before.title} » est reportée au ${closesAt.toISOString()} (heure UTC).` +
              (reason ? `\n\nMotif / Reason: ${reason}` : ''),
            tags: ['annonce'],
          });
      },
    );
  }

  async publishResults(actor: Actor, rawId: string): Promise<Consultation> {
    return this.change(
      actor,
      rawId,
      'PUBLISH_RESULTS',
      () => ({ resultsPublishedAt: this.clock.now() }),
      (manager, consultation) =>
        this.audit.record(
          {
            kind: 'CONSULTATION_RESULTS_PUBLISHED',
            actorId: actor.userId,
            subjectType: 'CONSULTATION',
            subjectId: consultation.id,
          },
          manager,
        ),
    );
  }

  /** A consultation the actor may see (`ConsultationPolicy.canSee`), or NOT_FOUND. */
  async get(actor: Actor, rawId: string, field = 'id'): Promise<Consultation> {
    const id = parseId(rawId, field);
    const consultation = await this.db.getRepository(Consultation).findOneBy({ id });
    if (!consultation) throw new NotFoundError('Consultation');
    this.enforce(actor, 'READ', consultation);
    return consultation;
  }

  /**
   * For each question (a consultation and people), which of these people (active accounts) may read the
   * consultation now, as `get` decides for each of them (a consultation is never removed: `despiteRemoval` changes
   * nothing). All the questions in one statement, on `db` (live updates run it on connections of their own).
   */
  async readersNow(questions: readonly ReadersQuestion[], db: RowsRunner = this.db): Promise<Set<string>[]> {
    return answerReadersQuestions(
      db,
      questions,
      `SELECT question.i, u.id AS user_id FROM ${READERS_QUESTIONS_SQL}
         JOIN ${UserQueries.rowsSql()} u ON u.id = question.user_id
         JOIN consultations consultation ON consultation.id = question.subject_id
        WHERE u.status = 'ACTIVE' AND ${ConsultationPolicy.readersSql('consultation', 'u')}`,
    );
  }

  async list(actor: Actor, page: PageRequest): Promise<Connection<Consultation>> {
    const window = pageWindow(page);
    const visible = ConsultationPolicy.visibleSql('consultation', actor);
    const query = this.db
      .getRepository(Consultation)
      .createQueryBuilder('consultation')
      .where(visible.sql, visible.params);
    const totalCount = await query.clone().getCount();
    const rows = await applyKeyset(query, BY_CLOSING, window).getMany();
    return toConnection(rows, window, keysetKeyOf<Consultation>(BY_CLOSING), totalCount);
  }

  stateOf(consultation: Consultation): ConsultationState {
    return stateAt(consultation, this.clock.now());
  }

  /** Asks the policy about an action on this consultation, by the server clock (throws its typed refusal). */
  enforce(
    actor: Actor,
    action: ConsultationAction,
    consultation: Consultation,
    organization: { organizationId?: string; eligible?: boolean; affiliated?: boolean; federation?: boolean } = {},
    now: Date = this.clock.now(),
  ): void {
    ConsultationPolicy.enforce(actor, action, {
      publishedAt: consultation.publishedAt,
      state: stateAt(consultation, now),
      ...organization,
    });
  }

  /**
   * `enforce` for an organisation's write that the deadline judges (a save of its draft, a remark, a submission): in
   * the consultation's state when the request was received (`receivedAt`, stamped at the edge; default, now), so a
   * write received before `closesAt` is allowed even when processed after it. A DEADLINE_PASSED refusal says that
   * instant (`receivedAt` in its details), as a receipt would.
   */
  enforceAsReceived(
    actor: Actor,
    action: 'SAVE_CONTRIBUTION' | 'SUBMIT_CONTRIBUTION' | 'ADD_REMARK',
    consultation: Consultation,
    organization: { organizationId?: string; affiliated?: boolean },
    receivedAt: Date = this.clock.now(),
  ): void {
    try {
      this.enforce(actor, action, consultation, organization, receivedAt);
    } catch (error) {
      if (error instanceof DeadlinePassedError) error.details['receivedAt'] = receivedAt.toISOString();
      throw error;
    }
  }

  /**
   * The documents the consultation is about, in the order the ministry linked them, as far as the actor may see
   * them (`DocumentPolicy.visibleSql`: a draft document stays the ministry's even when a consultation links it).
   */
  async linkedDocuments(actor: Actor, consultation: Consultation): Promise<Document[]> {
    if (consultation.documentIds.length === 0) return [];
    const documents = await DocumentQueries.visibleAmong(this.db.manager, actor, consultation.documentIds);
    const byId = new Map(documents.map((document) => [document.id, document]));
    return consultation.documentIds.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * The questions of a published consultation, for checking and certifying answers: frozen once published, so read
   * once per process (their `ministryResponse`, written later with the synthesis, may be stale here: use questionsOf).
   */
  /** `manager`: inside a transaction, its own (never wait for a second connection while holding one). */
  async frozenQuestionsOf(
    consultation: Pick<Consultation, 'id' | 'publishedAt'>,
    manager: EntityManager = this.db.manager,
  ): Promise<ConsultationQuestion[]> {
    const cached = consultation.publishedAt ? this.frozenQuestions.get(consultation.id) : undefined;
    if (cached) return cached;
    const questions = (await this.questionsOf([consultation.id], manager)).get(consultation.id) ?? [];
    if (consultation.publishedAt) this.frozenQuestions.set(consultation.id, questions);
    return questions;
  }

  async questionsOf(
    consultationIds: readonly string[],
    manager: EntityManager = this.db.manager,
  ): Promise<Map<string, ConsultationQuestion[]>> {
    const result = new Map<string, ConsultationQuestion[]>(consultationIds.map((id) => [id, []]));
    if (consultationIds.length === 0) return result;
    const rows = await manager
      .getRepository(ConsultationQuestion)
      .createQueryBuilder('question')
      .where('question.consultation_id IN (:...ids)', { ids: [...consultationIds] })
      .orderBy('question.position')
      .getMany();
    rows.forEach((row) => result.get(row.consultationId)?.push(row));
    return result;
  }

  /** A representative joins for their organisation, if it is eligible (by kind or invitation), while it is open. */
  async join(actor: Actor, rawConsultationId: string, rawOrganizationId: string): Promise<void> {
    const consultation = await this.get(actor, rawConsultationId, 'consultationId');
    const organizationId = parseId(rawOrganizationId, 'organizationId');
    const eligibility = ConsultationPolicy.eligibleSql('o', consultation);
    const eligible = await this.db
      .createQueryBuilder()
      .select('1')
      .from(OrganizationQueries.rowsSql(), 'o')
      .where('o.id = :organizationId', { organizationId })
      .andWhere(eligibility.sql, eligibility.params)
      .getRawOne();
    this.enforce(actor, 'JOIN', consultation, { organizationId, eligible: !!eligible });
    await this.db.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO consultation_participations (consultation_id, organization_id, joined_by_id, joined_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [consultation.id, organizationId, actor.userId, this.clock.now()],
      );
      await manager.query(
        `INSERT INTO contributions (consultation_id, organization_id) VALUES ($1, $2) ON CONFLICT (consultation_id, organization_id) DO NOTHING`,
        [consultation.id, organizationId],
      );
      if (consultation.spaceId)
        await this.spaces.enrolOrganization(manager, consultation.spaceId, organizationId, 'PARTICIPANT');
    });
  }

  /**
   * A lifecycle change under a row lock: the policy is asked again on the locked row (the state by the server clock),
   * then the change and its side effects (`within`, e.g. the audit event) are written in the same transaction.
   */
  private async change(
    actor: Actor,
    rawId: string,
    action: ConsultationAction,
    changes: (consultation: Consultation) => Partial<Consultation>,
    within?: (manager: EntityManager, before: Consultation, after: Consultation) => Promise<void>,
  ): Promise<Consultation> {
    const id = parseId(rawId, 'id');
    return this.db.transaction(async (manager: EntityManager) => {
      const consultation = await manager
        .getRepository(Consultation)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id })
        .getOne();
      if (!consultation) throw new NotFoundError('Consultation');
      this.enforce(actor, action, consultation);
      await manager.getRepository(Consultation).update({ id }, changes(consultation));
      const after = await manager.getRepository(Consultation).findOneByOrFail({ id });
      if (within) await within(manager, consultation, after);
      // State and deadline changes reach live subscribers and notifications (ids only; readers checked at delivery).
      await recordEvent(manager, {
        type: 'CONSULTATION_CHANGED',
        subjectType: 'CONSULTATION',
        subjectId: id,
        consultationId: id,
        spaceId: after.spaceId,
        actorId: actor.userId,
      });
      return manager.getRepository(Consultation).findOneByOrFail({ id });
    });
  }
}

/**
 * The rows of a consultation's questions, numbered 1, 2, … (citations are resolved beforehand, outside the
 * transaction: resolving reads documents through the pool).
 */
function questionRows(
  consultationId: string,
  questions: QuestionInput[],
  citations: (ResolvedCitation | null)[],
): Partial<ConsultationQuestion>[] {
  return questions.map((question, index) => ({
    consultationId,
    position: index + 1,
    kind: question.kind,
    prompt: question.prompt,
    required: question.required,
    options: question.options,
    maxLength: question.maxLength ?? null,
    scaleMin: question.kind === 'SCALE' ? (question.scaleMin ?? DEFAULT_SCALE.min) : null,
    scaleMax: question.kind === 'SCALE' ? (question.scaleMax ?? DEFAULT_SCALE.max) : null,
    documentId: citations[index]?.documentId ?? null,
    versionId: citations[index]?.versionId ?? null,
    sectionKey: citations[index]?.sectionKey ?? null,
  }));
}

function spaceName(title: string): string {
  return `Consultation — ${title}`.slice(0, 120);
}

const deadline = z.coerce.date({ message: 'must be an ISO-8601 date and time' });

/** Why a moderator moved or ended the deadline: kept in the audit trail (and the extension's announcement). */
const changeReason = z.string().trim().max(500, 'at most 500 characters');
