import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Actor,
  Clock,
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
} from './consultation.entity';
import { ConsultationState, stateAt } from './consultation-state';
import { SaveContributionInput, saveContributionInput } from './consultation.inputs';
import { ConsultationService } from './consultation.service';
import { ContributionPolicy } from './consultation.policy';
import { FederationRemarksService } from './federation-remarks.service';

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
  readonly submittedAt: Date;
  /** SHA-256 of the canonical contribution; anyone holding the receipt can re-check it. */
  readonly digest: string;
}

/**
 * An organisation's contribution: its members edit the draft together (a stale version answers CONFLICT), its
 * representatives submit it before the deadline — checked by the server clock when the submission is processed.
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
    const consultation = await this.consultations.get(actor, rawConsultationId, 'consultationId');
    const organizationId = parseId(rawOrganizationId, 'organizationId');
    this.consultations.enforce(actor, 'READ_CONTRIBUTION', consultation, { organizationId });
    const contribution = await this.db
      .getRepository(Contribution)
      .findOneBy({ consultationId: consultation.id, organizationId });
    if (!contribution) throw new NotFoundError('Contribution', 'Your organisation has not joined this consultation.');
    return contribution;
  }

  async save(
    actor: Actor,
    rawConsultationId: string,
    rawOrganizationId: string,
    raw: SaveContributionInput,
  ): Promise<Contribution> {
    const contribution = await this.get(actor, rawConsultationId, rawOrganizationId);
    const input = parseInput(saveContributionInput, raw);
    const consultation = await this.consultations.get(actor, contribution.consultationId);
    this.consultations.enforce(actor, 'SAVE_CONTRIBUTION', consultation, contribution);
    const questions = (await this.consultations.questionsOf([consultation.id])).get(consultation.id) ?? [];
    const given = storedAnswers(questions, input.answers);
    const answers = Object.fromEntries(
      Object.entries({ ...contribution.answers, ...given.stored }).filter(([, value]) => value !== null),
    );
    const problems: FieldErrors = { ...answerProblems(questions, answers, false), ...given.problems };
    if (Object.keys(problems).length > 0) throw new InvalidInputError(problems);
    const consent = input.consent ?? contribution.consent;
    const status = await this.statusOf(contribution, questions, consent, answers);
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
    return this.get(actor, consultation.id, contribution.organizationId);
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
   * DRAFT until a first submission; then SUBMITTED while the draft holds what the latest receipt certifies, and
   * CHANGED_SINCE_SUBMITTED once it holds something else (the latest receipt still counts until the next submission).
   */
  private async statusOf(
    contribution: Contribution,
    questions: readonly ConsultationQuestion[],
    consent: Consent,
    answers: Record<string, unknown>,
  ): Promise<ContributionStatus> {
    const latest = await this.latestReceipt(contribution.id);
    if (!latest) return 'DRAFT';
    const contributors = await this.remarks.contributors(contribution.id, this.db.manager);
    const canonical = canonicalContribution(
      contribution.consultationId,
      contribution.organizationId,
      consent,
      questions,
      answers,
      contributors,
    );
    return sha256(canonical) === latest.digest ? 'SUBMITTED' : 'CHANGED_SINCE_SUBMITTED';
  }

  /**
   * A representative submits the draft. Submitting what an earlier receipt already certifies returns that receipt
   * (`alreadyReceived`), even once the consultation is closed; anything new is refused after the deadline.
   */
  async submit(actor: Actor, rawConsultationId: string, rawOrganizationId: string): Promise<SubmissionOutcome> {
    const contribution = await this.get(actor, rawConsultationId, rawOrganizationId);
    // The role first (a member who is not a representative gets no receipt back); the deadline under the lock below.
    ensureAllowed(
      ContributionPolicy.canSubmit(actor, contribution),
      'Only a representative submits the organisation’s contribution.',
    );
    // Questions are frozen once the consultation is published: read them before taking a connection for the transaction.
    const questions =
      (await this.consultations.questionsOf([contribution.consultationId])).get(contribution.consultationId) ?? [];
    const submitted = await this.db.transaction(async (manager) => {
      const locked = await manager
        .getRepository(Contribution)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id: contribution.id })
        .getOneOrFail();
      // One reading of the server clock decides the deadline and stamps the receipt: what is accepted is stamped in time.
      const now = this.clock.now();
      const consultation = await manager.getRepository(Consultation).findOneByOrFail({ id: locked.consultationId });
      const contributors = await this.remarks.contributors(locked.id, manager);
      const canonical = canonicalContribution(
        consultation.id,
        locked.organizationId,
        locked.consent,
        questions,
        locked.answers,
        contributors,
      );
      const digest = sha256(canonical);
      const latest = await manager
        .getRepository(ContributionSubmission)
        .findOne({ where: { contributionId: locked.id }, order: { submittedAt: 'DESC' } });
      const consultationState = stateAt(consultation, now);
      // A retry of what was already received returns its receipt, even once the deadline has passed.
      if (latest && latest.digest === digest)
        return { receipt: receiptOf(latest), alreadyReceived: true, consultationState };
      this.consultations.enforce(actor, 'SUBMIT_CONTRIBUTION', consultation, locked, now);
      const problems = answerProblems(questions, locked.answers, true);
      if (Object.keys(problems).length > 0)
        throw new InvalidInputError(problems, 'The contribution is incomplete or invalid: see each answer.');
      const submission = await manager.getRepository(ContributionSubmission).save(
        manager.getRepository(ContributionSubmission).create({
          contributionId: locked.id,
          trackingNumber: trackingNumber(now),
          submittedById: actor.userId,
          submittedAt: now,
          canonical,
          digest,
        }),
      );
      await manager
        .getRepository(Contribution)
        .update({ id: locked.id }, { status: 'SUBMITTED', version: () => 'version + 1' } as never);
      return { receipt: receiptOf(submission), alreadyReceived: false, consultationState };
    });
    return {
      ...submitted,
      contribution: await this.get(actor, contribution.consultationId, contribution.organizationId),
    };
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

function receiptOf(submission: ContributionSubmission): Receipt {
  return { trackingNumber: submission.trackingNumber, submittedAt: submission.submittedAt, digest: submission.digest };
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** "MJ-20261126-7K3QX9PA": the day, then 8 characters that cannot be confused (no 0/O, 1/I). */
function trackingNumber(at: Date): string {
  const bytes = randomBytes(8);
  const suffix = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return `MJ-${at.toISOString().slice(0, 10).replace(/-/g, '')}-${suffix}`;
}
