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
    await updateVersioned(
      this.db.manager,
      Contribution,
      contribution.id,
      input.version,
      { answers, consent, status, updatedById: actor.userId },
      'This contribution',
    );
    return this.get(actor, consultation.id, contribution.organizationId);
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
   * (`alreadyReceived`), even once the consultation is closed; anything new is refused when received after the deadline.
   * `receivedAt`: when the server received the request (the API stamps it at the edge); default, now.
   */
  async submit(
    actor: Actor,
    rawConsultationId: string,
    rawOrganizationId: string,
    receivedAt: Date = this.clock.now(),
  ): Promise<SubmissionOutcome> {
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
      // The deadline judges when the request was received; the receipt also says when it was processed.
      const processedAt = this.clock.now();
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
      const consultationState = stateAt(consultation, processedAt);
      // A retry of what was already received returns its receipt, even once the deadline has passed.
      if (latest && latest.digest === digest)
        return { receipt: receiptOf(latest), alreadyReceived: true, consultationState };
      this.consultations.enforce(actor, 'SUBMIT_CONTRIBUTION', consultation, locked, receivedAt);
      const problems = answerProblems(questions, locked.answers, true);
      if (Object.keys(problems).length > 0)
        throw new InvalidInputError(problems, 'The contribution is incomplete or invalid: see each answer.');
      const submission = await manager.getRepository(ContributionSubmission).save(
        manager.getRepository(ContributionSubmission).create({
          contributionId: locked.id,
          trackingNumber: trackingNumber(receivedAt),
          submittedById: actor.userId,
          submittedAt: receivedAt,
          processedAt,
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
