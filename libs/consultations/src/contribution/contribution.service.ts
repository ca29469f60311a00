import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  Clock,
  FieldErrors,
  InvalidInputError,
  NotFoundError,
  ensureAllowed,
  parseId,
  parseInput,
  staleVersionError,
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
import {
  ConsultationRow,
  ContributionRow,
  consultationColumnsSql,
  consultationOf,
  contributionColumnsSql,
  contributionOf,
} from './contribution-rows';
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
    return (await this.load(actor, rawConsultationId, rawOrganizationId, this.db.manager, READ_ONLY)).contribution;
  }

  /**
   * The consultation (visible to the actor) and the organisation's contribution to it (for its members), in one
   * plain-SQL statement; with `facts`, also what the status and a submission depend on; with `lock`, the
   * contribution's row is locked (FOR UPDATE OF the contribution only: never the consultation).
   */
  private async load(
    actor: Actor,
    rawConsultationId: string,
    rawOrganizationId: string,
    manager: EntityManager,
    options: { facts: boolean; lock: boolean },
  ): Promise<{ consultation: Consultation; contribution: Contribution; facts: SubmissionFacts | null }> {
    const consultationId = parseId(rawConsultationId, 'consultationId');
    const organizationId = parseId(rawOrganizationId, 'organizationId');
    const [row]: LoadedRow[] = await manager.query(
      `SELECT ${contributionColumnsSql('c')}, ${consultationColumnsSql('co')}
              ${options.facts ? `, ${FACTS_SQL}` : ''}
              ${options.lock ? ', (SELECT snapshot.version FROM contributions snapshot WHERE snapshot.id = c.id) AS snapshot_version' : ''}
         FROM contributions c JOIN consultations co ON co.id = c.consultation_id
        WHERE c.consultation_id = $1 AND c.organization_id = $2
        ${options.lock ? 'FOR UPDATE OF c' : ''}`,
      [consultationId, organizationId],
    );
    if (!row) {
      // Which answer: the consultation's (NOT_FOUND unless visible), the organisation's (members only), or not joined.
      const consultation = await this.consultations.get(actor, consultationId, 'consultationId');
      this.consultations.enforce(actor, 'READ_CONTRIBUTION', consultation, { organizationId });
      throw new NotFoundError('Contribution', 'Your organisation has not joined this consultation.');
    }
    const consultation = consultationOf(row);
    this.consultations.enforce(actor, 'READ', consultation);
    this.consultations.enforce(actor, 'READ_CONTRIBUTION', consultation, { organizationId });
    const contribution = contributionOf(row);
    if (!options.facts) return { consultation, contribution, facts: null };
    // Locked after waiting for a concurrent writer (its commit moved the version on): the row is the newest, but the
    // statement's sub-selects (the latest receipt) read the snapshot taken before the wait. Read them again.
    if (options.lock && row.snapshot_version !== row.version)
      return { consultation, contribution, facts: await this.submissionFacts(manager, contribution.id) };
    return { consultation, contribution, facts: factsOf(row) };
  }

  /**
   * A member saves the draft. As for a submission, the deadline judges `receivedAt` (when the server received the
   * request; default, now): a save received before `closesAt` is kept even when processed after it.
   * Statements: the session check; the consultation, the contribution and what its status depends on (one read);
   * then the versioned update with its history line (one statement, atomic by itself).
   */
  async save(
    actor: Actor,
    rawConsultationId: string,
    rawOrganizationId: string,
    raw: SaveContributionInput,
    receivedAt: Date = this.clock.now(),
  ): Promise<Contribution> {
    const { consultation, contribution, facts } = await this.load(
      actor,
      rawConsultationId,
      rawOrganizationId,
      this.db.manager,
      WITH_FACTS,
    );
    const input = parseInput(saveContributionInput, raw);
    this.consultations.enforceAsReceived(actor, 'SAVE_CONTRIBUTION', consultation, contribution, receivedAt);
    const questions = await this.consultations.frozenQuestionsOf(consultation);
    const given = storedAnswers(questions, input.answers);
    const answers = Object.fromEntries(
      Object.entries({ ...contribution.answers, ...given.stored }).filter(([, value]) => value !== null),
    );
    const problems: FieldErrors = { ...answerProblems(questions, answers, false), ...given.problems };
    if (Object.keys(problems).length > 0) throw new InvalidInputError(problems);
    const consent = input.consent ?? contribution.consent;
    const status = statusOf(contribution, questions, consent, answers, facts!);
    // Exact: the update below applies only if the contribution is still at the version read above (else CONFLICT).
    const changedQuestionIds = questions
      .map((question) => question.id)
      .filter((id) => JSON.stringify(contribution.answers[id] ?? null) !== JSON.stringify(answers[id] ?? null));
    const [saved]: ContributionRow[] = await this.db.query(
      `WITH saved AS (
         UPDATE contributions
            SET answers = $3::jsonb, consent = $4, status = $5, updated_by_id = $6, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2
         RETURNING *
       ), change AS (
         INSERT INTO contribution_changes (contribution_id, version, changed_by_id, changed_at, question_ids, consent_changed)
         SELECT id, version, $6, $7, $8::uuid[], $9 FROM saved
       )
       SELECT ${contributionColumnsSql('saved')} FROM saved`,
      [
        contribution.id,
        input.version,
        JSON.stringify(answers),
        consent,
        status,
        actor.userId,
        this.clock.now(),
        changedQuestionIds,
        consent !== contribution.consent,
      ],
    );
    if (!saved) throw staleVersionError('This contribution');
    return contributionOf(saved);
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

  /** What a submission and the status depend on, read in a statement of its own (a fresh snapshot). */
  private async submissionFacts(manager: EntityManager, contributionId: string): Promise<SubmissionFacts> {
    const [row]: SubmissionFactsRow[] = await manager.query(
      `SELECT ${FACTS_SQL} FROM contributions c WHERE c.id = $1`,
      [contributionId],
    );
    if (!row) throw new NotFoundError('Contribution');
    return factsOf(row);
  }

  /**
   * A representative submits the draft. Submitting what an earlier receipt already certifies returns that receipt
   * (`alreadyReceived`), even once the consultation is closed; anything new is refused when received after the deadline.
   * `receivedAt`: when the server received the request (the API stamps it at the edge); default, now.
   * Statements: the session check; then, in one READ COMMITTED transaction, the consultation and the contribution's
   * row locked (FOR UPDATE OF the contribution only) with everything the submission depends on, and the receipt
   * with the new status (one statement). The questions are frozen once published: cached. Nothing else is awaited
   * while the connection is held.
   */
  async submit(
    actor: Actor,
    rawConsultationId: string,
    rawOrganizationId: string,
    receivedAt: Date = this.clock.now(),
  ): Promise<SubmissionOutcome> {
    return this.db.transaction(async (manager) => {
      const { consultation, contribution, facts } = await this.load(
        actor,
        rawConsultationId,
        rawOrganizationId,
        manager,
        LOCKED_WITH_FACTS,
      );
      const locked = facts!;
      // The role first (a member who is not a representative gets no receipt back); then the deadline.
      ensureAllowed(
        ContributionPolicy.canSubmit(actor, contribution),
        'Only a representative submits the organisation’s contribution.',
        ConsultationsReason.SUBMIT_REPRESENTATIVES_ONLY,
      );
      const questions = await this.consultations.frozenQuestionsOf(consultation, manager);
      // The deadline judges when the request was received; the receipt also says when it was processed.
      const processedAt = this.clock.now();
      const canonical = canonicalContribution(
        consultation.id,
        contribution.organizationId,
        contribution.consent,
        questions,
        contribution.answers,
        locked.contributors,
      );
      const digest = sha256(canonical);
      const consultationState = stateAt(consultation, processedAt);
      // A retry of what was already received returns its receipt, even once the deadline has passed.
      if (locked.latest && locked.latest.digest === digest)
        return { receipt: locked.latest, alreadyReceived: true, consultationState, contribution };
      this.consultations.enforceAsReceived(actor, 'SUBMIT_CONTRIBUTION', consultation, contribution, receivedAt);
      const problems = answerProblems(questions, contribution.answers, true);
      if (Object.keys(problems).length > 0)
        throw new InvalidInputError(problems, 'The contribution is incomplete or invalid: see each answer.');
      const receipt: Receipt = {
        trackingNumber: trackingNumber(receivedAt),
        submittedAt: receivedAt,
        receivedAt,
        processedAt,
        digest,
      };
      const [updated]: { version: number; updated_at: Date; updated_by_id: string | null }[] = await manager.query(
        `WITH submission AS (
           INSERT INTO contribution_submissions
                  (contribution_id, tracking_number, submitted_by_id, submitted_at, processed_at, canonical, digest)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           RETURNING id
         ), updated AS (
           UPDATE contributions SET status = 'SUBMITTED', version = version + 1, updated_at = now()
            WHERE id = $1
           RETURNING version, updated_at, updated_by_id
         )
         SELECT updated.* FROM updated, submission`,
        [contribution.id, receipt.trackingNumber, actor.userId, receivedAt, processedAt, canonical, digest],
      );
      return {
        receipt,
        alreadyReceived: false,
        consultationState,
        contribution: {
          ...contribution,
          status: 'SUBMITTED' as const,
          version: updated.version,
          updatedAt: updated.updated_at,
          updatedById: updated.updated_by_id,
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

const READ_ONLY = { facts: false, lock: false };
const WITH_FACTS = { facts: true, lock: false };
const LOCKED_WITH_FACTS = { facts: true, lock: true };

/**
 * What the status and a submission depend on besides the contribution's own row, as columns of a statement over
 * the contribution aliased `c`: the names of the organisations that left remarks, and the latest receipt.
 */
const FACTS_SQL = `${contributorsSql('c.id')} AS contributors,
  (SELECT json_build_object('trackingNumber', s.tracking_number, 'submittedAt', s.submitted_at,
                            'processedAt', s.processed_at, 'digest', s.digest)
     FROM contribution_submissions s WHERE s.contribution_id = c.id
    ORDER BY s.submitted_at DESC LIMIT 1) AS latest`;

interface SubmissionFactsRow {
  contributors: string[];
  latest: { trackingNumber: string; submittedAt: string; processedAt: string; digest: string } | null;
}

type LoadedRow = ContributionRow &
  ConsultationRow &
  Partial<SubmissionFactsRow> & {
    snapshot_version?: number;
  };

interface SubmissionFacts {
  readonly contributors: string[];
  readonly latest: Receipt | null;
}

function factsOf(row: Partial<SubmissionFactsRow>): SubmissionFacts {
  const latest = row.latest
    ? receiptOf({
        ...row.latest,
        submittedAt: new Date(row.latest.submittedAt),
        processedAt: new Date(row.latest.processedAt),
      })
    : null;
  return { contributors: row.contributors ?? [], latest };
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
