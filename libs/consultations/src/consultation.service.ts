import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '@majlis/audit';
import { CitationRegistry, ResolvedCitation, SpaceService, ThreadService } from '@majlis/discussions';
import {
  Actor,
  Clock,
  ConflictError,
  Connection,
  DeadlinePassedError,
  ForbiddenError,
  InvalidInputError,
  KeysetColumn,
  PageRequest,
  applyKeyset,
  ensureAllowed,
  ensureVisible,
  isRepresentativeOf,
  isStaff,
  keysetKeyOf,
  pageWindow,
  parseId,
  parseInput,
  toConnection,
  updateVersioned,
} from '@majlis/kernel';
import { ConsultationQuestion, Consultation } from './consultation.entity';
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

  async create(actor: Actor, raw: CreateConsultationInput): Promise<Consultation> {
    ensureAllowed(isStaff(actor), 'Only the ministry’s moderators open consultations.');
    const input = parseInput(createConsultationInput, raw);
    const citations = await this.resolveCitations(actor, input.questions);
    return this.db.transaction(async (manager) => {
      const space = await this.openSpace(manager, actor, input.title);
      const consultation = await manager.getRepository(Consultation).save(
        manager.getRepository(Consultation).create({
          title: input.title,
          summary: input.summary,
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          publishedAt: null,
          resultsPublishedAt: null,
          eligibleKinds: input.eligibleKinds,
          documentIds: input.documentIds,
          spaceId: space?.id ?? null,
          createdById: actor.userId,
        }),
      );
      await manager
        .getRepository(ConsultationQuestion)
        .insert(questionRows(consultation.id, input.questions, citations));
      const invited = [...new Set(input.invitedOrganizationIds)];
      if (invited.length > 0) {
        const [{ known }] = await manager.query(
          `SELECT count(*)::int AS known FROM organizations WHERE id = ANY($1::uuid[])`,
          [invited],
        );
        if (known !== invited.length)
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

  /** Its own discussion space, RESTRICTED and owned by the ministry: participants post, everyone signed in reads. */
  private async openSpace(manager: EntityManager, actor: Actor, title: string) {
    const [ministry] = await manager.query(
      `SELECT id FROM organizations WHERE kind = 'MINISTRY' ORDER BY created_at LIMIT 1`,
    );
    if (!ministry) return null;
    return this.spaces.createFor(manager, actor, {
      name: `Consultation — ${title}`.slice(0, 120),
      slug: `consultation-${randomBytes(5).toString('hex')}`,
      description: 'Questions to the ministry about this consultation; its answers are marked official.',
      ownerOrganizationId: ministry.id,
      visibility: 'RESTRICTED',
    });
  }

  /** Edits a draft (a stale version answers CONFLICT); once published, its questions are frozen. */
  async updateDraft(actor: Actor, rawId: string, raw: UpdateConsultationInput): Promise<Consultation> {
    ensureAllowed(isStaff(actor), 'Only the ministry’s moderators edit consultations.');
    const input = parseInput(updateConsultationInput, raw);
    const before = await this.get(actor, rawId);
    if (stateAt(before, this.clock.now()) !== 'DRAFT')
      throw new ConflictError('A published consultation can no longer be edited: its questions are frozen.');
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
    ensureAllowed(isStaff(actor), 'Only the ministry’s moderators write the synthesis.');
    const consultation = await this.get(actor, rawId);
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

  /** Publishes a draft: from then on it opens and closes by the server clock. Questions are frozen. */
  async publish(actor: Actor, rawId: string): Promise<Consultation> {
    return this.change(actor, rawId, ['DRAFT'], () => ({ publishedAt: this.clock.now() }));
  }

  /** Opens a scheduled consultation now. */
  async openNow(actor: Actor, rawId: string): Promise<Consultation> {
    return this.change(actor, rawId, ['SCHEDULED'], () => ({ opensAt: this.clock.now() }));
  }

  /** Closes an open consultation now. */
  async closeNow(actor: Actor, rawId: string): Promise<Consultation> {
    const consultation = await this.change(actor, rawId, ['OPEN'], () => ({ closesAt: this.clock.now() }));
    await this.audit.record({
      kind: 'CONSULTATION_DEADLINE_CHANGED',
      actorId: actor.userId,
      subjectType: 'CONSULTATION',
      subjectId: consultation.id,
      details: { closesAt: consultation.closesAt.toISOString(), reason: 'CLOSED_EARLY' },
    });
    return consultation;
  }

  /** Moves the deadline later (a closed consultation re-opens); logged in the audit trail, announced in its space. */
  async extend(actor: Actor, rawId: string, rawClosesAt: Date): Promise<Consultation> {
    const closesAt = parseInput(deadline, rawClosesAt, 'closesAt');
    const before = await this.get(actor, rawId);
    if (closesAt.getTime() <= Math.max(before.closesAt.getTime(), this.clock.now().getTime())) {
      throw InvalidInputError.field('closesAt', 'must be later than the current deadline and than now');
    }
    const consultation = await this.change(actor, rawId, ['SCHEDULED', 'OPEN', 'CLOSED'], () => ({ closesAt }));
    await this.audit.record({
      kind: 'CONSULTATION_DEADLINE_CHANGED',
      actorId: actor.userId,
      subjectType: 'CONSULTATION',
      subjectId: consultation.id,
      details: { from: before.closesAt.toISOString(), to: closesAt.toISOString() },
    });
    if (consultation.spaceId) {
      const announcement = await this.threads.create(actor, {
        spaceId: consultation.spaceId,
        title: `Délai prolongé / Deadline extended: ${closesAt.toISOString()}`,
        body: `La date limite de la consultation « ${consultation.title} » est reportée au ${closesAt.toISOString()} (heure UTC).`,
        tags: ['annonce'],
      });
      await this.threads.moderate(actor, announcement.id, { pinned: true });
    }
    return consultation;
  }

  async publishResults(actor: Actor, rawId: string): Promise<Consultation> {
    const consultation = await this.change(actor, rawId, ['CLOSED'], () => ({ resultsPublishedAt: this.clock.now() }));
    await this.audit.record({
      kind: 'CONSULTATION_RESULTS_PUBLISHED',
      actorId: actor.userId,
      subjectType: 'CONSULTATION',
      subjectId: consultation.id,
    });
    return consultation;
  }

  /** Drafts are the ministry's; published consultations are read by every signed-in person. */
  async get(actor: Actor, rawId: string, field = 'id'): Promise<Consultation> {
    const id = parseId(rawId, field);
    const consultation = await this.db.getRepository(Consultation).findOneBy({ id });
    ensureVisible(!!consultation && (consultation.publishedAt !== null || isStaff(actor)), 'Consultation');
    return consultation!;
  }

  async list(actor: Actor, page: PageRequest): Promise<Connection<Consultation>> {
    const window = pageWindow(page);
    const query = this.db.getRepository(Consultation).createQueryBuilder('consultation');
    if (!isStaff(actor)) query.where('consultation.published_at IS NOT NULL');
    const totalCount = await query.clone().getCount();
    const rows = await applyKeyset(query, BY_CLOSING, window).getMany();
    return toConnection(rows, window, keysetKeyOf<Consultation>(BY_CLOSING), totalCount);
  }

  stateOf(consultation: Consultation): ConsultationState {
    return stateAt(consultation, this.clock.now());
  }

  async questionsOf(consultationIds: readonly string[]): Promise<Map<string, ConsultationQuestion[]>> {
    const result = new Map<string, ConsultationQuestion[]>(consultationIds.map((id) => [id, []]));
    if (consultationIds.length === 0) return result;
    const rows = await this.db
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
    if (!isRepresentativeOf(actor, organizationId))
      throw new ForbiddenError('Only a representative can join on behalf of the organisation.');
    const state = this.stateOf(consultation);
    if (state !== 'OPEN' && state !== 'SCHEDULED') throw new DeadlinePassedError('This consultation is closed.');
    const [eligible] = await this.db.query(
      `SELECT 1 FROM organizations o WHERE o.id = $2 AND o.verified_at IS NOT NULL
          AND (o.kind = ANY($3::text[]) OR EXISTS (SELECT 1 FROM consultation_invitations i WHERE i.consultation_id = $1 AND i.organization_id = o.id))`,
      [consultation.id, organizationId, consultation.eligibleKinds],
    );
    if (!eligible) throw new ForbiddenError('Your organisation is not among those consulted.');
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

  private async change(
    actor: Actor,
    rawId: string,
    allowedStates: ConsultationState[],
    changes: (consultation: Consultation) => Partial<Consultation>,
  ): Promise<Consultation> {
    ensureAllowed(isStaff(actor), 'Only the ministry’s moderators manage consultations.');
    return this.db.transaction(async (manager: EntityManager) => {
      const id = parseId(rawId, 'id');
      const consultation = await manager
        .getRepository(Consultation)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id })
        .getOne();
      ensureVisible(!!consultation, 'Consultation');
      const state = stateAt(consultation!, this.clock.now());
      if (!allowedStates.includes(state)) throw new ConflictError(`Not possible while the consultation is ${state}.`);
      await manager
        .getRepository(Consultation)
        .update({ id }, { ...changes(consultation!), version: () => 'version + 1' } as never);
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
    documentId: citations[index]?.documentId ?? null,
    versionId: citations[index]?.versionId ?? null,
    sectionKey: citations[index]?.sectionKey ?? null,
  }));
}

const deadline = z.coerce.date({ message: 'must be an ISO-8601 date and time' });
