import { Actor, MaybeActor } from '@majlis/kernel';
import { OrganizationQueries } from '@majlis/identity';
import { ConsultationState } from './consultation-state';
import { ConsultationAction, ConsultationPolicy, ContributionPolicy, Outcome } from './consultation.policy';

/**
 * The permission map of consultations, read as one table: role × action × state → outcome. The consultation is
 * open to FEDERATIONs and invites one company (ELIGIBLE_CO); OTHER_CO is a company that was not invited.
 */
const ORGANIZATIONS = {
  FEDERATION: { id: 'org-fed', kind: 'FEDERATION', verifiedAt: new Date(), invited: false },
  ELIGIBLE_CO: { id: 'org-eligible', kind: 'COMPANY', verifiedAt: new Date(), invited: true },
  OTHER_CO: { id: 'org-other', kind: 'COMPANY', verifiedAt: new Date(), invited: false },
};
const CONSULTATION = { eligibleKinds: ['FEDERATION'] };

type Role =
  | 'anonymous'
  | 'admin'
  | 'moderator'
  | 'federationRep'
  | 'federationMember'
  | 'companyRep'
  | 'companyMember'
  | 'outsiderRep';

const person = (id: string, organization: keyof typeof ORGANIZATIONS, role: 'REPRESENTATIVE' | 'MEMBER'): Actor => ({
  userId: id,
  platformRole: 'MEMBER',
  memberships: [{ organizationId: ORGANIZATIONS[organization].id, role }],
});
const ACTORS: Record<Role, { actor: MaybeActor; organization: keyof typeof ORGANIZATIONS }> = {
  anonymous: { actor: null, organization: 'FEDERATION' },
  admin: { actor: { userId: 'u-admin', platformRole: 'ADMIN', memberships: [] }, organization: 'FEDERATION' },
  moderator: { actor: { userId: 'u-mod', platformRole: 'MODERATOR', memberships: [] }, organization: 'FEDERATION' },
  federationRep: { actor: person('u-fr', 'FEDERATION', 'REPRESENTATIVE'), organization: 'FEDERATION' },
  federationMember: { actor: person('u-fm', 'FEDERATION', 'MEMBER'), organization: 'FEDERATION' },
  companyRep: { actor: person('u-cr', 'ELIGIBLE_CO', 'REPRESENTATIVE'), organization: 'ELIGIBLE_CO' },
  companyMember: { actor: person('u-cm', 'ELIGIBLE_CO', 'MEMBER'), organization: 'ELIGIBLE_CO' },
  outsiderRep: { actor: person('u-or', 'OTHER_CO', 'REPRESENTATIVE'), organization: 'OTHER_CO' },
};

const STATES: ConsultationState[] = ['DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED', 'RESULTS_PUBLISHED'];
const ROLES = Object.keys(ACTORS) as Role[];

/** Short outcome codes keep the table readable. */
const CODE: Record<string, Outcome> = {
  ok: 'OK',
  '401': 'UNAUTHENTICATED',
  '404': 'NOT_FOUND',
  '403': 'FORBIDDEN',
  '409': 'CONFLICT',
  late: 'DEADLINE_PASSED',
};

/**
 * One row per action: for each role (in ROLES order) the outcomes in the five states (in STATES order), as
 * "DRAFT SCHEDULED OPEN CLOSED RESULTS_PUBLISHED". Staff = admin and moderator, who always answer the same.
 */
const TABLE: Record<ConsultationAction, Record<Role, string>> = {
  READ: {
    anonymous: '401 401 401 401 401',
    admin: 'ok ok ok ok ok',
    moderator: 'ok ok ok ok ok',
    federationRep: '404 ok ok ok ok',
    federationMember: '404 ok ok ok ok',
    companyRep: '404 ok ok ok ok',
    companyMember: '404 ok ok ok ok',
    outsiderRep: '404 ok ok ok ok',
  },
  CREATE: {
    anonymous: '401 401 401 401 401',
    admin: 'ok ok ok ok ok',
    moderator: 'ok ok ok ok ok',
    federationRep: '403 403 403 403 403',
    federationMember: '403 403 403 403 403',
    companyRep: '403 403 403 403 403',
    companyMember: '403 403 403 403 403',
    outsiderRep: '403 403 403 403 403',
  },
  EDIT_DRAFT: managed('ok 409 409 409 409'),
  PUBLISH: managed('ok 409 409 409 409'),
  OPEN_NOW: managed('409 ok 409 409 409'),
  CLOSE_NOW: managed('409 409 ok 409 409'),
  EXTEND: managed('409 ok ok ok 409'),
  WRITE_SYNTHESIS: managed('ok ok ok ok ok'),
  PUBLISH_RESULTS: managed('409 409 409 ok 409'),
  EXPORT: managed('ok ok ok ok ok'),
  READ_RESULTS: {
    anonymous: '401 401 401 401 401',
    admin: 'ok ok ok ok ok',
    moderator: 'ok ok ok ok ok',
    federationRep: '404 403 403 403 ok',
    federationMember: '404 403 403 403 ok',
    companyRep: '404 403 403 403 ok',
    companyMember: '404 403 403 403 ok',
    outsiderRep: '404 403 403 403 ok',
  },
  JOIN: {
    anonymous: '401 401 401 401 401',
    admin: '403 403 403 403 403',
    moderator: '403 403 403 403 403',
    federationRep: '404 ok ok late late',
    federationMember: '404 403 403 403 403',
    companyRep: '404 ok ok late late',
    companyMember: '404 403 403 403 403',
    outsiderRep: '404 403 403 late late',
  },
  READ_CONTRIBUTION: {
    anonymous: '401 401 401 401 401',
    admin: '404 404 404 404 404',
    moderator: '404 404 404 404 404',
    federationRep: '404 ok ok ok ok',
    federationMember: '404 ok ok ok ok',
    companyRep: '404 ok ok ok ok',
    companyMember: '404 ok ok ok ok',
    outsiderRep: '404 ok ok ok ok',
  },
  SAVE_CONTRIBUTION: {
    anonymous: '401 401 401 401 401',
    admin: '404 404 404 404 404',
    moderator: '404 404 404 404 404',
    federationRep: '404 late ok late late',
    federationMember: '404 late ok late late',
    companyRep: '404 late ok late late',
    companyMember: '404 late ok late late',
    outsiderRep: '404 late ok late late',
  },
  SUBMIT_CONTRIBUTION: {
    anonymous: '401 401 401 401 401',
    admin: '404 404 404 404 404',
    moderator: '404 404 404 404 404',
    federationRep: '404 late ok late late',
    federationMember: '404 403 403 403 403',
    companyRep: '404 late ok late late',
    companyMember: '404 403 403 403 403',
    outsiderRep: '404 late ok late late',
  },
  ADD_REMARK: {
    anonymous: '401 401 401 401 401',
    admin: '403 403 403 403 403',
    moderator: '403 403 403 403 403',
    federationRep: '404 late ok late late',
    federationMember: '404 late ok late late',
    companyRep: '404 late ok late late',
    companyMember: '404 late ok late late',
    outsiderRep: '404 late ok late late',
  },
  // Asked for the role's own organisation: only a federation's people read its members' contributions.
  READ_MEMBER_CONTRIBUTIONS: {
    anonymous: '401 401 401 401 401',
    admin: '404 404 404 404 404',
    moderator: '404 404 404 404 404',
    federationRep: '404 ok ok ok ok',
    federationMember: '404 ok ok ok ok',
    companyRep: '404 404 404 404 404',
    companyMember: '404 404 404 404 404',
    outsiderRep: '404 404 404 404 404',
  },
};

/** The ministry's actions: staff by state, everyone else FORBIDDEN once they see it (a draft: NOT_FOUND). */
function managed(staff: string): Record<Role, string> {
  const others = '404 403 403 403 403';
  return {
    anonymous: '401 401 401 401 401',
    admin: staff,
    moderator: staff,
    federationRep: others,
    federationMember: others,
    companyRep: others,
    companyMember: others,
    outsiderRep: others,
  };
}

const ROWS = (Object.keys(TABLE) as ConsultationAction[]).flatMap((action) =>
  ROLES.flatMap((role) =>
    TABLE[action][role]
      .split(' ')
      .map(
        (code, index) =>
          [role, action, STATES[index], CODE[code]] as [Role, ConsultationAction, ConsultationState, Outcome],
      ),
  ),
);

describe('ConsultationPolicy: role × action × state', () => {
  it.each(ROWS)('%s · %s · %s → %s', (role, action, state, expected) => {
    const { actor, organization } = ACTORS[role];
    const org = ORGANIZATIONS[organization];
    // Organisations act on their own contribution; for ADD_REMARK the company remarks on an affiliated federation's.
    expect(
      ConsultationPolicy.decide(actor, action, {
        publishedAt: state === 'DRAFT' ? null : new Date(),
        state,
        organizationId: org.id,
        eligible: ConsultationPolicy.isEligible(org, CONSULTATION, org.invited),
        affiliated: true,
        federation: org.kind === 'FEDERATION',
      }),
    ).toBe(expected);
  });

  it('throws the typed error of each outcome', () => {
    const facts = { publishedAt: new Date(), state: 'CLOSED' as const, organizationId: 'org-fed', eligible: true };
    const representative = ACTORS.federationRep.actor;
    expect(() => ConsultationPolicy.enforce(representative, 'JOIN', facts)).toThrow(
      expect.objectContaining({ code: 'DEADLINE_PASSED' }),
    );
    expect(() => ConsultationPolicy.enforce(representative, 'PUBLISH', facts)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => ConsultationPolicy.enforce(ACTORS.moderator.actor, 'PUBLISH', facts)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => ConsultationPolicy.enforce(ACTORS.moderator.actor, 'EXTEND', facts)).not.toThrow();
  });

  it.each([
    ['moderator', 'OPEN', null],
    ['admin', 'CLOSED', null],
    ['federationRep', 'OPEN', 'NOT_PUBLISHED_YET'],
    ['companyMember', 'CLOSED', 'NOT_PUBLISHED_YET'],
    ['companyMember', 'RESULTS_PUBLISHED', null],
  ] as const)('%s reading results in %s: unavailable because %s', (role, state, reason) => {
    expect(ConsultationPolicy.resultsUnavailableReason(ACTORS[role].actor!, state)).toBe(reason);
  });

  it.each([
    ['PUBLIC_NAMED', false],
    ['PUBLIC_ANONYMOUS', false],
    ['CONFIDENTIAL', true],
  ])('exports leave out a %s contribution: %s', (consent, leftOut) => {
    expect(ConsultationPolicy.leftOutOfExports({ consent })).toBe(leftOut);
  });

  it('refuses unverified organisations even of an eligible kind, and accepts invited ones of any kind', () => {
    expect(ConsultationPolicy.isEligible({ kind: 'FEDERATION', verifiedAt: null }, CONSULTATION, false)).toBe(false);
    expect(ConsultationPolicy.isEligible({ kind: 'INSTITUTION', verifiedAt: new Date() }, CONSULTATION, true)).toBe(
      true,
    );
  });

  it('states its SQL twins over the same columns', () => {
    expect(ConsultationPolicy.visibleSql('c', ACTORS.moderator.actor!).sql).toBe('TRUE');
    expect(ConsultationPolicy.visibleSql('c', ACTORS.federationRep.actor!).sql).toBe('c.published_at IS NOT NULL');
    const eligible = ConsultationPolicy.eligibleSql('o', { id: 'c1', eligibleKinds: ['FEDERATION'] });
    expect(eligible.sql).toContain('o.verified_at IS NOT NULL');
    expect(eligible.params).toEqual({ eligibleKinds: ['FEDERATION'], eligibilityConsultation: 'c1' });
    expect(ContributionPolicy.readersSql('u', 'k1').params).toEqual({ readersContribution: 'k1' });
  });

  // role → sees the federation's contribution (canSee) and lists it ("my contributions", its SQL twin)
  it.each<[Role, boolean]>([
    ['admin', false],
    ['moderator', false],
    ['federationRep', true],
    ['federationMember', true],
    ['companyRep', false],
    ['outsiderRep', false],
  ])('%s sees and lists the federation’s contribution: %s', (role, expected) => {
    const actor = ACTORS[role].actor!;
    expect(ContributionPolicy.canSee(actor, { organizationId: 'org-fed' })).toBe(expected);
    const twin = ContributionPolicy.visibleSql('k', actor);
    expect(twin.sql).toBe('k.organization_id = ANY(CAST(:contributionReaderOrganizations AS uuid[]))');
    expect((twin.params['contributionReaderOrganizations'] as string[]).includes('org-fed')).toBe(expected);
  });

  it('shows a member company its own remarks and the federation all of them', () => {
    const contribution = { organizationId: 'org-fed' };
    const remark = { organizationId: 'org-eligible' };
    expect(ContributionPolicy.canSeeRemark(ACTORS.federationMember.actor!, contribution, remark)).toBe(true);
    expect(ContributionPolicy.canSeeRemark(ACTORS.companyMember.actor!, contribution, remark)).toBe(true);
    expect(ContributionPolicy.canSeeRemark(ACTORS.outsiderRep.actor!, contribution, remark)).toBe(false);
  });

  it('answers NOT_FOUND to a federation’s person asking for an organisation that is not a federation', () => {
    const facts = { publishedAt: new Date(), state: 'OPEN' as const, organizationId: 'org-fed', federation: false };
    expect(ConsultationPolicy.decide(ACTORS.federationRep.actor, 'READ_MEMBER_CONTRIBUTIONS', facts)).toBe('NOT_FOUND');
  });
});

describe('ContributionPolicy: what a member company shares with its federation (role × status × consent × affiliation)', () => {
  const STATUSES = ['DRAFT', 'SUBMITTED', 'CHANGED_SINCE_SUBMITTED'] as const;
  const CONSENTS = ['PUBLIC_NAMED', 'PUBLIC_ANONYMOUS', 'CONFIDENTIAL'] as const;
  // The company's latest receipt: its consent as submitted (null: never submitted).
  const SUBMITTED = [null, 'PUBLIC_NAMED', 'PUBLIC_ANONYMOUS', 'CONFIDENTIAL'] as const;
  const rows = ROLES.filter((role) => role !== 'anonymous').flatMap((role) =>
    STATUSES.flatMap((status) =>
      CONSENTS.flatMap((consent) =>
        SUBMITTED.flatMap((submittedConsent) =>
          [true, false].map((affiliated) => [role, status, consent, submittedConsent, affiliated] as const),
        ),
      ),
    ),
  );
  const FEDERATION_PEOPLE: readonly Role[] = ['federationRep', 'federationMember'];

  it.each(rows)('%s · %s · draft %s · submitted %s · affiliated %s', (role, status, consent, submitted, affiliated) => {
    const contribution = { status, consent, submittedConsent: submitted };
    const shared =
      status !== 'DRAFT' && submitted !== null && consent !== 'CONFIDENTIAL' && submitted !== 'CONFIDENTIAL';
    const expected = FEDERATION_PEOPLE.includes(role) && affiliated && shared;
    expect(
      ContributionPolicy.canSeeAsFederation(
        ACTORS[role].actor!,
        'org-fed',
        contribution,
        affiliated ? ['org-fed', 'org-other-fed'] : ['org-other-fed'],
      ),
    ).toBe(expected);
    expect(ContributionPolicy.sharedWithFederations(contribution)).toBe(shared);
  });

  it('states the same rule in SQL: submitted, confidential neither as submitted nor in the draft, affiliated', () => {
    const twin = ContributionPolicy.sharedWithFederationSql('k', 'org-fed');
    expect(twin.params).toEqual({ memberFederation: 'org-fed' });
    expect(twin.sql).toContain(`k.status <> 'DRAFT'`);
    expect(twin.sql).toContain(`k.consent <> 'CONFIDENTIAL'`);
    // Affiliation is identity's to state: its port, with the federation and the contribution's company.
    expect(twin.sql).toContain(OrganizationQueries.affiliatedSql('k.organization_id', ':memberFederation'));
    expect(twin.sql).toMatch(/canonical::jsonb ->> 'consent'[\s\S]*<> 'CONFIDENTIAL'/);
  });
});
