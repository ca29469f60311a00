import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  Clock,
  DeadlinePassedError,
  FieldErrors,
  InvalidInputError,
  NotFoundError,
  ensureAllowed,
  parseId,
  parseInput,
  updateVersioned,
} from '@majlis/kernel';
import { answerProblems, canonicalContribution, sha256, storedAnswers } from './answers';
import {
  Consent,
  Consultation,
  ConsultationQuestion,
  Contribution,
  ContributionStatus,
  ContributionSubmission,
} from '../consultation/consultation.entity';
import { ConsultationState, stateAt } from '../consultation/consultation-state';
import { SaveContributionInput, saveContributionInput } from '../consultation/consultation.inputs';
import { ConsultationService } from '../consultation/consultation.service';
import { ContributionPolicy } from '../consultation/consultation.policy';
import { FederationRemarksService, contributorsSql } from './federation-remarks.service';
import { ConsultationsReason } from '../consultations.reasons';

/** What a submission answers: the receipt, and where the contribution and the consultation now stand. */
export interface SubmissionOutcome {
  readonly receipt: Receipt;
  /** The contribution after the submission, with its new version: the next save starts from it. */
  readonly contribution: Contribution;
  /**
   * True when nothing new was received: the content is the one an earlier receipt certifies, and that earlier receipt
   * is returned (a retry, or a submission once the consultation is closed).
   */
  readonly alreadyReceived: boolean;
  /** The consultation's state when the submission was processed (by the server clock). */
  readonly consultationState: ConsultationState;
}

/** One line of a contribution's history: a save (what it changed) or a submission (its tracking number). */
export interface ContributionChange {
  readonly kind: 'SAVED' | 'SUBMITTED';
  /** The version the save produced (null for a submission). */
  readonly version: number | null;
  readonly userId: string | null;
  readonly at: Date;
  readonly questionIds: string[];
  readonly consentChanged: boolean;
  readonly trackingNumber: string | null;
}

export interface Receipt {
  readonly trackingNumber: string;
  /** When the server received the submission, before any queueing: the deadline judges this instant. */
  readonly submittedAt: Date;
  /** The same instant as `submittedAt`, under the name the receipt shows beside `processedAt`. */
  readonly receivedAt: Date;
  /** When it was processed (stored): after the deadline for a submission received just before it, under load. */
  readonly processedAt: Date;
  /** SHA-256 of the canonical contribution; anyone holding the receipt can re-check it. */
  readonly digest: string;
}

/**
 * An organisation's contribution: its members edit the draft together (a stale version answers CONFLICT), its
 * representatives submit it before the deadline — judged by the server clock's reading when the request was received
 * (at the edge, before any queueing), not when it is processed: a submission received before `closesAt` is accepted
 * even when its turn comes after it; one received at or after `closesAt` is refused.
 * Submitting again with the same content returns the same receipt; with new content, a new one (the latest counts).
 */
@Injectable()
export class ContributionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly consultations: ConsultationService,
    private readonly remarks: FederationRemarksService,
    private readonly clock: Clock,
  ) {}

  /** The organisation's contribution, for its members. */
  async get(actor: Actor, rawConsultationId: string, rawOrganizationId: string): Promise<Contribution> {
    return (await this.load(actor, rawConsultationId, rawOrganizationId)).contribution;
  }

  /** The consultation (visible to the actor) and the organisation's contribution to it (for its members). */
  private async load(
    actor: Actor,
    rawConsultationId: string,
    rawOrganizationId: string,
  ): Promise<{ consultation: Consultation; contribution: Contribution }> {
    const consultation = await this.consultations.get(actor, rawConsultationId, 'consultationId');
    const organizationId = parseId(rawOrganizationId, 'organizationId');
    this.consultations.enforce(actor, 'READ_CONTRIBUTION', consultation, { organizationId });
    const contribution = await this.db
      .getRepository(Contribution)
      .findOneBy({ consultationId: consultation.id, organizationId });
    if (!contribution) throw new NotFoundError('Contribution', 'Your organisation has not joined this consultation.');
    return { consultation, contribution };
  }

  async save(
    actor: Actor,
    rawConsultationId: string,
    rawOrganizationId: string,
    raw: SaveContributionInput,
  ): Promise<Contribution> {
    const { consultation, contribution } = await this.load(actor, rawConsultationId, rawOrganizationId);
    const input = parseInput(saveContributionInput, raw);
    this.consultations.enforce(actor, 'SAVE_CONTRIBUTION', consultation, contribution);
    const questions = await this.consultations.frozenQuestionsOf(consultation);
    const given = storedAnswers(questions, input.answers);
    const answers = Object.fromEntries(
      Object.entries({ ...contribution.answers, ...given.stored }).filter(([, value]) => value !== null),
    );
    const problems: FieldErrors = { ...answerProblems(questions, answers, false), ...given.problems };
    if (Object.keys(problems).length > 0) throw new InvalidInputError(problems);
    const consent = input.consent ?? contribution.consent;
    const facts = await this.submissionFacts(this.db.manager, contribution.id, false);
    const status = statusOf(contribution, questions, consent, answers, facts);
    const changedQuestionIds = questions
      .map((question) => question.id)
      .filter((id) => JSON.stringify(contribution.answers[id] ?? null) !== JSON.stringify(answers[id] ?? null));
    await this.db.transaction(async (manager) => {
      await updateVersioned(
        manager,
        Contribution,
        contribution.id,
        input.version,
        { answers, consent, status, updatedById: actor.userId },
        'This contribution',
      );
      // The version check above passed: `contribution` is the state this save changed, so the diff is exact.
      await manager.query(
        `INSERT INTO contribution_changes (contribution_id, version, changed_by_id, changed_at, question_ids, consent_changed)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          contribution.id,
          input.version + 1,
          actor.userId,
          this.clock.now(),
          changedQuestionIds,
          consent !== contribution.consent,
        ],
      );
    });
    return this.db.getRepository(Contribution).findOneByOrFail({ id: contribution.id });
  }

  /**
   * Who changed what and when, newest first (at most `limit`): each save (the questions whose answers changed, and
   * whether the consent changed) and each submission. Read through the contribution, so only its members get here.
   */
  async history(actor: Actor, contribution: Contribution, limit = 50): Promise<ContributionChange[]> {
    if (!ContributionPolicy.canSee(actor, contribution)) return [];
    const rows: ContributionChange[] = await this.db.query(
      `SELECT * FROM (
         SELECT 'SAVED' AS kind, version, changed_by_id AS "userId", changed_at AS "at",
                question_ids::text[] AS "questionIds", consent_changed AS "consentChanged", NULL AS "trackingNumber"
           FROM contribution_changes WHERE contribution_id = $1
         UNION ALL
         SELECT 'SUBMITTED', NULL, submitted_by_id, submitted_at, '{}'::text[], false, tracking_number
           FROM contribution_submissions WHERE contribution_id = $1
       ) changes ORDER BY "at" DESC LIMIT $2`,
      [contribution.id, Math.min(Math.max(limit, 1), 100)],
    );
    return rows;
  }

  /**
   * What a submission and the status depend on, in one statement: the contribution's content, its consultation's
   * dates as they are now, the latest receipt and the names of the organisations that left remarks; with `lock`, the
   * contribution's row is locked (FOR UPDATE) first.
   */
  private async submissionFacts(
    manager: EntityManager,
    contributionId: string,
    lock: boolean,
  ): Promise<SubmissionFacts> {
    // The lock first, in a statement of its own: the facts' statement then starts after it, so in READ COMMITTED its
    // snapshot sees what a concurrent submission committed before releasing the row (a sub-select in the locking
    // statement itself would still read the older snapshot: a double click would then make two receipts).
    if (lock) await manager.query(`SELECT 1 FROM contributions WHERE id = $1 FOR UPDATE`, [contributionId]);
    const [row]: SubmissionFactsRow[] = await manager.query(
      `SELECT c.answers, c.consent, c.version, co.published_at, co.results_published_at, co.opens_at, co.closes_at,
              ${contributorsSql('c.id')} AS contributors,
              (SELECT json_build_object('trackingNumber', s.tracking_number, 'submittedAt', s.submitted_at,
                                        'processedAt', s.processed_at, 'digest', s.digest)
                 FROM contribution_submissions s WHERE s.contribution_id = c.id
                ORDER BY s.submitted_at DESC LIMIT 1) AS latest
         FROM contributions c JOIN consultations co ON co.id = c.consultation_id
        WHERE c.id = $1`,
      [contributionId],
    );
    if (!row) throw new NotFoundError('Contribution');
    const latest = row.latest
      ? receiptOf({
          ...row.latest,
          submittedAt: new Date(row.latest.submittedAt),
          processedAt: new Date(row.latest.processedAt),
        })
      : null;
    return {
      answers: row.answers,
      consent: row.consent,
      version: row.version,
      dates: {
        publishedAt: row.published_at,
        resultsPublishedAt: row.results_published_at,
        opensAt: row.opens_at,
        closesAt: row.closes_at,
      },
      contributors: row.contributors,
      latest,
    };
  }

  /**
   * A representative submits the draft. Submitting what an earlier receipt already certifies returns that receipt
   * (`alreadyReceived`), even once the consultation is closed; anything new is refused when received after the deadline.
   * `receivedAt`: when the server received the request (the API stamps it at the edge); default, now.
   * Statements: the consultation and the contribution; then, in the transaction, the locked row with everything the
   * submission depends on, the receipt, and the status (the questions are frozen once published: cached).
   */
  async submit(
    actor: Actor,
    rawConsultationId: string,
    rawOrganizationId: string,
    receivedAt: Date = this.clock.now(),
  ): Promise<SubmissionOutcome> {
    const { consultation, contribution } = await this.load(actor, rawConsultationId, rawOrganizationId);
    // The role first (a member who is not a representative gets no receipt back); the deadline under the lock below.
    ensureAllowed(
      ContributionPolicy.canSubmit(actor, contribution),
      'Only a representative submits the organisation’s contribution.',
      ConsultationsReason.SUBMIT_REPRESENTATIVES_ONLY,
    );
    const questions = await this.consultations.frozenQuestionsOf(consultation);
    return this.db.transaction(async (manager) => {
      const locked = await this.submissionFacts(manager, contribution.id, true);
      // The deadline judges when the request was received; the receipt also says when it was processed.
      const processedAt = this.clock.now();
      const current: Consultation = { ...consultation, ...locked.dates };
      const lockedContribution: Contribution = {
        ...contribution,
        answers: locked.answers,
        consent: locked.consent,
        version: locked.version,
      };
      const canonical = canonicalContribution(
        consultation.id,
        contribution.organizationId,
        locked.consent,
        questions,
        locked.answers,
        locked.contributors,
      );
      const digest = sha256(canonical);
      const consultationState = stateAt(current, processedAt);
      // A retry of what was already received returns its receipt, even once the deadline has passed.
      if (locked.latest && locked.latest.digest === digest)
        return {
          receipt: locked.latest,
          alreadyReceived: true,
          consultationState,
          contribution: await manager.getRepository(Contribution).findOneByOrFail({ id: contribution.id }),
        };
      try {
        this.consultations.enforce(actor, 'SUBMIT_CONTRIBUTION', current, lockedContribution, receivedAt);
      } catch (error) {
        // A refusal says when the submission was received, as a receipt would.
        if (error instanceof DeadlinePassedError) error.details['receivedAt'] = receivedAt.toISOString();
        throw error;
      }
      const problems = answerProblems(questions, locked.answers, true);
      if (Object.keys(problems).length > 0)
        throw new InvalidInputError(problems, 'The contribution is incomplete or invalid: see each answer.');
      const submission = manager.getRepository(ContributionSubmission).create({
        contributionId: contribution.id,
        trackingNumber: trackingNumber(receivedAt),
        submittedById: actor.userId,
        submittedAt: receivedAt,
        processedAt,
        canonical,
        digest,
      });
      await manager.getRepository(ContributionSubmission).insert(submission);
      const [updated]: [{ version: number; updated_at: Date; updated_by_id: string | null }[], number] =
        await manager.query(
          `UPDATE contributions SET status = 'SUBMITTED', version = version + 1, updated_at = now()
            WHERE id = $1 RETURNING version, updated_at, updated_by_id`,
          [contribution.id],
        );
      return {
        receipt: receiptOf(submission),
        alreadyReceived: false,
        consultationState,
        contribution: {
          ...lockedContribution,
          status: 'SUBMITTED' as const,
          version: updated[0].version,
          updatedAt: updated[0].updated_at,
          updatedById: updated[0].updated_by_id,
        },
      };
    });
  }

  /** Anyone holding a receipt checks it: the tracking number exists and the digest is the one recorded. */
  async verifyReceipt(
    rawTrackingNumber: string,
    digest: string,
  ): Promise<{ valid: boolean; submittedAt: Date | null; latest: boolean }> {
    const trackingNumber = String(rawTrackingNumber ?? '')
      .trim()
      .slice(0, 40);
    const submission = await this.db.getRepository(ContributionSubmission).findOneBy({ trackingNumber });
    if (
      !submission ||
      submission.digest !==
        String(digest ?? '')
          .trim()
          .toLowerCase()
    )
      return { valid: false, submittedAt: null, latest: false };
    const newest = await this.db
      .getRepository(ContributionSubmission)
      .findOne({ where: { contributionId: submission.contributionId }, order: { submittedAt: 'DESC' } });
    return { valid: true, submittedAt: submission.submittedAt, latest: newest?.id === submission.id };
  }

  /** The latest receipt of a contribution, with the canonical text it certifies (for the organisation's members). */
  async latestReceipt(contributionId: string): Promise<(Receipt & { canonical: string }) | null> {
    const latest = await this.db
      .getRepository(ContributionSubmission)
      .findOne({ where: { contributionId }, order: { submittedAt: 'DESC' } });
    return latest ? { ...receiptOf(latest), canonical: latest.canonical } : null;
  }
}

interface SubmissionFactsRow {
  answers: Record<string, unknown>;
  consent: Consent;
  version: number;
  published_at: Date | null;
  results_published_at: Date | null;
  opens_at: Date;
  closes_at: Date;
  contributors: string[];
  latest: { trackingNumber: string; submittedAt: string; processedAt: string; digest: string } | null;
}

interface SubmissionFacts {
  readonly answers: Record<string, unknown>;
  readonly consent: Consent;
  readonly version: number;
  readonly dates: Pick<Consultation, 'publishedAt' | 'resultsPublishedAt' | 'opensAt' | 'closesAt'>;
  readonly contributors: string[];
  readonly latest: Receipt | null;
}

/**
 * DRAFT until a first submission; then SUBMITTED while the draft holds what the latest receipt certifies, and
 * CHANGED_SINCE_SUBMITTED once it holds something else (the latest receipt still counts until the next submission).
 */
function statusOf(
  contribution: Contribution,
  questions: readonly ConsultationQuestion[],
  consent: Consent,
  answers: Record<string, unknown>,
  facts: SubmissionFacts,
): ContributionStatus {
  if (!facts.latest) return 'DRAFT';
  const canonical = canonicalContribution(
    contribution.consultationId,
    contribution.organizationId,
    consent,
    questions,
    answers,
    facts.contributors,
  );
  return sha256(canonical) === facts.latest.digest ? 'SUBMITTED' : 'CHANGED_SINCE_SUBMITTED';
}

function receiptOf(
  submission: Pick<ContributionSubmission, 'trackingNumber' | 'submittedAt' | 'processedAt' | 'digest'>,
): Receipt {
  return {
    trackingNumber: submission.trackingNumber,
    submittedAt: submission.submittedAt,
    receivedAt: submission.submittedAt,
    processedAt: submission.processedAt,
    digest: submission.digest,
  };
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** "MJ-20261126-7K3QX9PA": the day, then 8 characters that cannot be confused (no 0/O, 1/I). */
function trackingNumber(at: Date): string {
  const bytes = randomBytes(8);
  const suffix = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return `MJ-${at.toISOString().slice(0, 10).replace(/-/g, '')}-${suffix}`;
}
