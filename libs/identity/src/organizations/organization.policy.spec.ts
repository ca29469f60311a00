import { POLICY_ACTORS, PolicyActorName, rowFor, rowsOf } from '../policy-actors.fixture';
import { OrganizationPolicy } from './organization.policy';

const VERIFIED_FEDERATION = { id: 'fed', verifiedAt: new Date() };
const UNVERIFIED = { id: 'new', verifiedAt: null };
const ANOTHER_VERIFIED = { id: 'else', verifiedAt: new Date() };

type Action =
  | 'see verified'
  | 'see unverified'
  | 'create'
  | 'update own'
  | 'update another'
  | 'verify'
  | 'manage own affiliations'
  | 'manage another’s affiliations';

const decide: Record<Action, (name: PolicyActorName) => boolean> = {
  'see verified': (name) => OrganizationPolicy.canSee(POLICY_ACTORS[name], VERIFIED_FEDERATION),
  'see unverified': (name) => OrganizationPolicy.canSee(POLICY_ACTORS[name], UNVERIFIED),
  create: (name) => OrganizationPolicy.canCreate(POLICY_ACTORS[name]),
  'update own': (name) => OrganizationPolicy.canUpdate(POLICY_ACTORS[name], VERIFIED_FEDERATION),
  'update another': (name) => OrganizationPolicy.canUpdate(POLICY_ACTORS[name], ANOTHER_VERIFIED),
  verify: (name) => OrganizationPolicy.canVerify(POLICY_ACTORS[name]),
  'manage own affiliations': (name) =>
    OrganizationPolicy.canManageAffiliations(POLICY_ACTORS[name], VERIFIED_FEDERATION),
  'manage another’s affiliations': (name) =>
    OrganizationPolicy.canManageAffiliations(POLICY_ACTORS[name], ANOTHER_VERIFIED),
};

const T = true;
const F = false;
/** "own" is the organisation `fed`, of which `representative` and `member` are part. */
const row = rowFor(decide);

//                        see ver. see unver. create upd.own upd.other verify aff.own aff.other
const TABLE: Record<PolicyActorName, Record<Action, boolean>> = {
  admin: /*            */ row(T, T, T, T, T, T, T, T),
  moderator: /*        */ row(T, T, T, T, T, T, T, T),
  representative: /*   */ row(T, F, F, T, F, F, T, F),
  member: /*           */ row(T, F, F, F, F, F, F, F),
  newcomer: /*         */ row(T, T, F, F, F, F, F, F),
  outsider: /*         */ row(T, F, F, F, F, F, F, F),
};

describe('OrganizationPolicy', () => {
  it.each(rowsOf(TABLE))('%s · %s → %s', (name, action, expected) => {
    expect(decide[action](name)).toBe(expected);
  });

  describe('canSeeSql, the SQL twin of canSee', () => {
    it.each<[PolicyActorName, string, Record<string, unknown>]>([
      ['admin', 'TRUE', {}],
      ['moderator', 'TRUE', {}],
      [
        'member',
        '(org.verified_at IS NOT NULL OR org.id = ANY(:organizationPolicyMemberOf))',
        { organizationPolicyMemberOf: ['fed'] },
      ],
      [
        'newcomer',
        '(org.verified_at IS NOT NULL OR org.id = ANY(:organizationPolicyMemberOf))',
        { organizationPolicyMemberOf: ['new'] },
      ],
    ])('%s → %s', (name, sql, params) => {
      expect(OrganizationPolicy.canSeeSql(POLICY_ACTORS[name], 'org')).toEqual({ sql, params });
    });

    it('shows verified organisations only to someone in no organisation', () => {
      const loner = { userId: 'u-alone', platformRole: 'MEMBER' as const, memberships: [] };
      expect(OrganizationPolicy.canSeeSql(loner, 'o')).toEqual({ sql: 'o.verified_at IS NOT NULL', params: {} });
    });
  });
});
