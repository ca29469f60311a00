import { MembershipQueries, OrganizationQueries } from '@majlis/identity';
import {
  Actor,
  ConflictError,
  DeadlinePassedError,
  ForbiddenError,
  MaybeActor,
  NotFoundError,
  UnauthenticatedError,
  isMemberOf,
  isRepresentativeOf,
  isStaff,
  CommonReason,
  type SqlCondition,
} from '@majlis/kernel';
import type { ConsultationState } from './consultation-state';
import { ConsultationsReason } from '../consultations.reasons';

/**
 * Everything a consultation's rules decide, in one place: who sees it, who manages it and in which states, who takes
 * part and for which organisation, who reads, edits and submits a contribution, who reads results and exports.
 * Each rule is a predicate; where a list or a count needs the same rule in SQL, its twin sits right beside it.
 * Services ask `ConsultationPolicy.enforce` (or a predicate) and hold no role checks of their own.
 */

/** What a person does to a consultation (the ministry's side) or through it (an organisation's side). */
export type ConsultationAction =
  | 'READ'
  | 'CREATE'
  | 'EDIT_DRAFT'
  | 'PUBLISH'
  | 'OPEN_NOW'
  | 'CLOSE_NOW'
  | 'EXTEND'
  | 'WRITE_SYNTHESIS'
  | 'PUBLISH_RESULTS'
  | 'READ_RESULTS'
  | 'EXPORT'
  | 'JOIN'
  | 'READ_CONTRIBUTION'
  | 'SAVE_CONTRIBUTION'
  | 'SUBMIT_CONTRIBUTION'
  | 'ADD_REMARK'
  | 'READ_MEMBER_CONTRIBUTIONS';

/** The ministry's actions and the states in which each is possible (otherwise CONFLICT). */
const MANAGEMENT_STATES: Partial<Record<ConsultationAction, readonly ConsultationState[]>> = {
  CREATE: ['DRAFT'],
  EDIT_DRAFT: ['DRAFT'],
  PUBLISH: ['DRAFT'],
  OPEN_NOW: ['SCHEDULED'],
  CLOSE_NOW: ['OPEN'],
  EXTEND: ['SCHEDULED', 'OPEN', 'CLOSED'],
  WRITE_SYNTHESIS: ['DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED', 'RESULTS_PUBLISHED'],
  PUBLISH_RESULTS: ['CLOSED'],
  EXPORT: ['DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED', 'RESULTS_PUBLISHED'],
};

/** What the decision needs to know about the consultation and, for an organisation's actions, the organisation. */
export interface ConsultationFacts {
  readonly publishedAt: Date | null;
  readonly state: ConsultationState;
  /** The organisation acting (JOIN, contribution and remark actions). */
  readonly organizationId?: string;
  /** JOIN: the organisation is verified and of an eligible kind or invited (`ConsultationPolicy.isEligible`). */
  readonly eligible?: boolean;
  /** ADD_REMARK: the organisation is a member company of the federation whose contribution it remarks on. */
  readonly affiliated?: boolean;
  /** READ_MEMBER_CONTRIBUTIONS: the organisation (`organizationId`) is a federation. */
  readonly federation?: boolean;
}

export const RESULTS_UNAVAILABLE_REASONS = ['NOT_PUBLISHED_YET'] as const;
export type ResultsUnavailableReason = (typeof RESULTS_UNAVAILABLE_REASONS)[number];

export type Outcome = 'OK' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'DEADLINE_PASSED';

export const ConsultationPolicy = {
  /** Drafts are the ministry's (platform staff); a published consultation is read by every signed-in person. */
  canSee(actor: Actor, consultation: { publishedAt: Date | null }): boolean {
    return isStaff(actor) || consultation.publishedAt !== null;
  },
  /** SQL twin of `canSee`, for lists and counts: the consultation aliased `alias` is visible to the actor. */
  visibleSql(alias: string, actor: Actor): SqlCondition {
    return isStaff(actor) ? { sql: 'TRUE', params: {} } : { sql: `${alias}.published_at IS NOT NULL`, params: {} };
  },

  /**
   * SQL twin of `canSee` seen from the other side: the user `user` (a users row alias) may read the consultation
   * `consultation` (a consultations row alias), for notifications.
   */
  readersSql(consultation: string, user: string): string {
    return `(${consultation}.published_at IS NOT NULL OR ${user}.platform_role IN ('ADMIN', 'MODERATOR'))`;
  },

  /** Creating, editing, publishing, opening, closing, extending, results and exports: the ministry's moderators. */
  canManage(actor: Actor): boolean {
    return isStaff(actor);
  },
  /** The states in which a management action is possible. */
  allowsInState(action: ConsultationAction, state: ConsultationState): boolean {
    return MANAGEMENT_STATES[action]?.includes(state) ?? false;
  },
  /** The states in which a management action is possible, listed (for the service's locked re-check). */
  statesFor(action: ConsultationAction): readonly ConsultationState[] {
    return MANAGEMENT_STATES[action] ?? [];
  },

  /** Results: staff follow them live; everyone who sees the consultation reads them once published. */
  canReadResults(actor: Actor, state: ConsultationState): boolean {
    return isStaff(actor) || state === 'RESULTS_PUBLISHED';
  },
  /**
   * Why the actor cannot read the results yet (null when they can): NOT_PUBLISHED_YET until the ministry publishes
   * them. Read through `results`, the consultation itself still answers; only the results are withheld.
   */
  resultsUnavailableReason(actor: Actor, state: ConsultationState): ResultsUnavailableReason | null {
    return ConsultationPolicy.canReadResults(actor, state) ? null : 'NOT_PUBLISHED_YET';
  },
  /**
   * Whether exports leave a contribution out: its organisation did not consent to publication (CONFIDENTIAL).
   * Exports say how many they left out.
   */
  leftOutOfExports(contribution: { consent: string }): boolean {
    return contribution.consent === 'CONFIDENTIAL';
  },
  /** CONFIDENTIAL answers (and the names behind them) are read by the ministry's moderators only. */
  canSeeConfidential(actor: Actor): boolean {
    return isStaff(actor);
  },

  /** Only a representative takes part on behalf of an organisation. */
  canSpeakFor(actor: Actor, organizationId: string): boolean {
    return isRepresentativeOf(actor, organizationId);
  },
  /** Organisations join from publication until the deadline. */
  acceptsParticipants(state: ConsultationState): boolean {
    return state === 'SCHEDULED' || state === 'OPEN';
  },
  /** An organisation takes part if it is verified and of an eligible kind, or invited. */
  isEligible(
    organization: { kind: string; verifiedAt: Date | null },
    consultation: { eligibleKinds: readonly string[] },
    invited: boolean,
  ): boolean {
    return organization.verifiedAt !== null && (consultation.eligibleKinds.includes(organization.kind) || invited);
  },
  /**
   * SQL twin of `isEligible`: the organisation aliased `alias` takes part in consultation :eligibilityConsultation
   * whose eligible kinds are :eligibleKinds.
   */
  eligibleSql(alias: string, consultation: { id: string; eligibleKinds: readonly string[] }): SqlCondition {
    return {
      sql: `(${alias}.verified_at IS NOT NULL AND (${alias}.kind = ANY(CAST(:eligibleKinds AS text[]))
        OR EXISTS (SELECT 1 FROM consultation_invitations invited
                    WHERE invited.consultation_id = :eligibilityConsultation AND invited.organization_id = ${alias}.id)))`,
      params: { eligibleKinds: [...consultation.eligibleKinds], eligibilityConsultation: consultation.id },
    };
  },

  /** Answers are written while the consultation is OPEN (by the server clock). */
  acceptsContributions(state: ConsultationState): boolean {
    return state === 'OPEN';
  },

  /**
   * The one decision for every action, in the order the answer is given: signed in → sees the consultation
   * (NOT_FOUND) → has the role (FORBIDDEN; a contribution of another organisation is NOT_FOUND) → the state allows
   * it (CONFLICT for the ministry's actions, DEADLINE_PASSED for an organisation's).
   */
  decide(actor: MaybeActor, action: ConsultationAction, facts: ConsultationFacts): Outcome {
    if (!actor) return 'UNAUTHENTICATED';
    if (action === 'CREATE') return ConsultationPolicy.canManage(actor) ? 'OK' : 'FORBIDDEN';
    if (!ConsultationPolicy.canSee(actor, facts)) return 'NOT_FOUND';
    const organizationId = facts.organizationId ?? '';
    switch (action) {
      case 'READ':
        return 'OK';
      case 'READ_RESULTS':
        return ConsultationPolicy.canReadResults(actor, facts.state) ? 'OK' : 'FORBIDDEN';
      case 'JOIN':
        if (!ConsultationPolicy.canSpeakFor(actor, organizationId)) return 'FORBIDDEN';
        if (!ConsultationPolicy.acceptsParticipants(facts.state)) return 'DEADLINE_PASSED';
        return facts.eligible ? 'OK' : 'FORBIDDEN';
      case 'READ_CONTRIBUTION':
        return ContributionPolicy.canSee(actor, { organizationId }) ? 'OK' : 'NOT_FOUND';
      case 'SAVE_CONTRIBUTION':
        if (!ContributionPolicy.canSee(actor, { organizationId })) return 'NOT_FOUND';
        return ConsultationPolicy.acceptsContributions(facts.state) ? 'OK' : 'DEADLINE_PASSED';
      case 'SUBMIT_CONTRIBUTION':
        if (!ContributionPolicy.canSee(actor, { organizationId })) return 'NOT_FOUND';
        if (!ContributionPolicy.canSubmit(actor, { organizationId })) return 'FORBIDDEN';
        return ConsultationPolicy.acceptsContributions(facts.state) ? 'OK' : 'DEADLINE_PASSED';
      case 'ADD_REMARK':
        if (!ContributionPolicy.canRemarkFor(actor, organizationId)) return 'FORBIDDEN';
        if (!facts.affiliated) return 'NOT_FOUND';
        return ConsultationPolicy.acceptsContributions(facts.state) ? 'OK' : 'DEADLINE_PASSED';
      case 'READ_MEMBER_CONTRIBUTIONS':
        // Only the federation's own people learn whether it exists as a federation, or what its members shared.
        if (!ContributionPolicy.canReadMembersContributions(actor, organizationId)) return 'NOT_FOUND';
        return facts.federation ? 'OK' : 'NOT_FOUND';
      default:
        if (!ConsultationPolicy.canManage(actor)) return 'FORBIDDEN';
        return ConsultationPolicy.allowsInState(action, facts.state) ? 'OK' : 'CONFLICT';
    }
  },

  /** `decide`, as the typed error a service throws (nothing when allowed). */
  enforce(actor: MaybeActor, action: ConsultationAction, facts: ConsultationFacts): void {
    const outcome = ConsultationPolicy.decide(actor, action, facts);
    if (outcome !== 'OK') throw refusal(outcome, action, facts.state);
  },
};

/** A contribution is its organisation's: members read and edit it together, representatives submit it. */
export const ContributionPolicy = {
  /** The members of the organisation (anyone else: NOT_FOUND). Staff read results, not drafts. */
  canSee(actor: Actor, contribution: { organizationId: string }): boolean {
    return isMemberOf(actor, contribution.organizationId);
  },
  /**
   * SQL twin of `canSee` for lists: the contribution aliased `alias` belongs to an organisation the actor is a
   * member of. Binds :contributionReaderOrganizations.
   */
  visibleSql(alias: string, actor: Actor): SqlCondition {
    return {
      sql: `${alias}.organization_id = ANY(CAST(:contributionReaderOrganizations AS uuid[]))`,
      params: { contributionReaderOrganizations: actor.memberships.map((m) => m.organizationId) },
    };
  },
  /**
   * SQL twin of `canSee`: the user aliased `userAlias` is a member of the organisation of contribution :contribution
   * (who is told of, and may read, its internal discussion).
   */
  readersSql(userAlias: string, contributionId: string): SqlCondition {
    return {
      sql: `EXISTS (SELECT 1 FROM contributions reader_contribution
                     WHERE reader_contribution.id = :readersContribution
                       AND ${MembershipQueries.isMemberSql(`${userAlias}.id`, 'reader_contribution.organization_id')})`,
      params: { readersContribution: contributionId },
    };
  },
  /**
   * SQL twin of `canSee` as one correlated condition: the user aliased `userAlias` is a member of the organisation
   * of the contribution whose id is the SQL expression `contributionId` (a column), for notifications' delivery.
   */
  memberReaderSql(contributionId: string, userAlias: string): string {
    return `EXISTS (SELECT 1 FROM contributions member_contribution
                     WHERE member_contribution.id = ${contributionId}
                       AND ${MembershipQueries.isMemberSql(`${userAlias}.id`, 'member_contribution.organization_id')})`;
  },
  /** Only a representative submits the organisation's contribution. */
  canSubmit(actor: Actor, contribution: { organizationId: string }): boolean {
    return isRepresentativeOf(actor, contribution.organizationId);
  },
  /** A member company's remark on its federation's draft is made by a member of that company. */
  canRemarkFor(actor: Actor, organizationId: string): boolean {
    return isMemberOf(actor, organizationId);
  },

  /**
   * What a member company shares with the federations it belongs to: what it SUBMITTED (the latest receipt, never the
   * draft, nor edits made since), unless it is CONFIDENTIAL — as submitted, or as the company now says in its draft
   * (turning a contribution confidential withdraws it from its federations at once). A company that never submitted
   * shares nothing. The same rule in SQL: `sharedWithFederationSql`.
   */
  sharedWithFederations(contribution: { status: string; consent: string; submittedConsent: string | null }): boolean {
    return (
      contribution.status !== 'DRAFT' &&
      contribution.submittedConsent !== null &&
      contribution.consent !== 'CONFIDENTIAL' &&
      contribution.submittedConsent !== 'CONFIDENTIAL'
    );
  },
  /** A federation's members (representatives and members) read what its member companies share with it. */
  canReadMembersContributions(actor: Actor, federationId: string): boolean {
    return isMemberOf(actor, federationId);
  },
  /**
   * The whole rule for one contribution read by a federation's person: they belong to the federation, the
   * contribution's company is affiliated with it (`companyFederationIds`: the federations the company belongs to),
   * and the company shares it (`sharedWithFederations`). Nobody else — staff included — reads it this way.
   */
  canSeeAsFederation(
    actor: Actor,
    federationId: string,
    contribution: { status: string; consent: string; submittedConsent: string | null },
    companyFederationIds: readonly string[],
  ): boolean {
    return (
      ContributionPolicy.canReadMembersContributions(actor, federationId) &&
      companyFederationIds.includes(federationId) &&
      ContributionPolicy.sharedWithFederations(contribution)
    );
  },
  /**
   * SQL twin of `canSeeAsFederation` for a federation the actor belongs to (checked first, `canReadMembersContributions`):
   * the contribution aliased `alias` is a company's affiliated with federation :memberFederation, submitted, and
   * confidential neither as submitted (the latest receipt's canonical consent) nor in its draft.
   */
  sharedWithFederationSql(alias: string, federationId: string): SqlCondition {
    return {
      sql: `(${alias}.status <> 'DRAFT' AND ${alias}.consent <> 'CONFIDENTIAL'
        AND ${OrganizationQueries.affiliatedSql(`${alias}.organization_id`, ':memberFederation')}
        AND (SELECT shared_submission.canonical::jsonb ->> 'consent' FROM contribution_submissions shared_submission
              WHERE shared_submission.contribution_id = ${alias}.id
              ORDER BY shared_submission.submitted_at DESC LIMIT 1) <> 'CONFIDENTIAL')`,
      params: { memberFederation: federationId },
    };
  },
  /** Remarks: the federation's members read them all; a member company reads its own. */
  canSeeRemark(actor: Actor, contribution: { organizationId: string }, remark: { organizationId: string }): boolean {
    return isMemberOf(actor, contribution.organizationId) || isMemberOf(actor, remark.organizationId);
  },
};

const MESSAGES: Partial<Record<ConsultationAction, string>> = {
  CREATE: 'Only the ministry’s moderators open consultations.',
  EDIT_DRAFT: 'Only the ministry’s moderators edit consultations.',
  WRITE_SYNTHESIS: 'Only the ministry’s moderators write the synthesis.',
  EXPORT: 'Only the ministry’s moderators export contributions.',
  READ_RESULTS: 'The results of this consultation are not published yet.',
  JOIN: 'Only a representative of an organisation among those consulted can join on its behalf.',
  SUBMIT_CONTRIBUTION: 'Only a representative submits the organisation’s contribution.',
  ADD_REMARK: 'You can only speak for an organisation you belong to.',
};

const FORBIDDEN_REASONS: Partial<Record<ConsultationAction, string>> = {
  READ_RESULTS: ConsultationsReason.RESULTS_NOT_PUBLISHED,
  JOIN: ConsultationsReason.JOIN_NOT_ALLOWED,
  SUBMIT_CONTRIBUTION: ConsultationsReason.SUBMIT_REPRESENTATIVES_ONLY,
  ADD_REMARK: ConsultationsReason.REMARK_MEMBERS_ONLY,
};

function refusal(outcome: Outcome, action: ConsultationAction, state: ConsultationState): Error {
  switch (outcome) {
    case 'UNAUTHENTICATED':
      return new UnauthenticatedError().because(CommonReason.SIGN_IN_REQUIRED);
    case 'NOT_FOUND':
      return action === 'ADD_REMARK'
        ? new NotFoundError(
            'Contribution',
            'This federation does not take part, or your organisation is not one of its members.',
          )
        : action === 'READ_MEMBER_CONTRIBUTIONS'
          ? new NotFoundError('Organization', 'No federation of yours has this id.')
          : new NotFoundError(action.endsWith('CONTRIBUTION') ? 'Contribution' : 'Consultation');
    case 'FORBIDDEN':
      return new ForbiddenError(MESSAGES[action] ?? 'Only the ministry’s moderators manage consultations.').because(
        FORBIDDEN_REASONS[action] ?? ConsultationsReason.CONSULTATION_MODERATORS_ONLY,
      );
    case 'DEADLINE_PASSED':
      return new DeadlinePassedError(
        state === 'SCHEDULED' ? 'This consultation is not open yet.' : 'The deadline of this consultation has passed.',
      ).because(
        state === 'SCHEDULED' ? ConsultationsReason.CONSULTATION_NOT_OPEN_YET : ConsultationsReason.CONSULTATION_CLOSED,
      );
    default:
      return new ConflictError(
        action === 'EDIT_DRAFT'
          ? 'A published consultation can no longer be edited: its questions are frozen.'
          : `Not possible while the consultation is ${state}.`,
      ).because(
        action === 'EDIT_DRAFT' ? ConsultationsReason.QUESTIONS_FROZEN : ConsultationsReason.CONSULTATION_STATE,
      );
  }
}
