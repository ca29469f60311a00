import { POLICY_ACTORS, PolicyActorName, rowFor, rowsOf } from '../policy-actors.fixture';
import { MembershipPolicy } from './membership.policy';

type Action =
  | 'see members of verified'
  | 'see members of unverified'
  | 'remove a plain member'
  | 'remove a representative'
  | 'remove a plain member elsewhere'
  | 'leave'
  | 'change roles';

const PLAIN = { userId: 'u-x', organizationId: 'fed', role: 'MEMBER' as const };
const REPRESENTATIVE = { userId: 'u-y', organizationId: 'fed', role: 'REPRESENTATIVE' as const };
const ELSEWHERE = { userId: 'u-z', organizationId: 'else', role: 'MEMBER' as const };

const decide: Record<Action, (name: PolicyActorName) => boolean> = {
  'see members of verified': (name) =>
    MembershipPolicy.canSee(POLICY_ACTORS[name], { id: 'fed', verifiedAt: new Date() }),
  'see members of unverified': (name) => MembershipPolicy.canSee(POLICY_ACTORS[name], { id: 'new', verifiedAt: null }),
  'remove a plain member': (name) => MembershipPolicy.canRemove(POLICY_ACTORS[name], PLAIN),
  'remove a representative': (name) => MembershipPolicy.canRemove(POLICY_ACTORS[name], REPRESENTATIVE),
  'remove a plain member elsewhere': (name) => MembershipPolicy.canRemove(POLICY_ACTORS[name], ELSEWHERE),
  leave: (name) => {
    const actor = POLICY_ACTORS[name];
    const own = actor.memberships[0];
    return own
      ? MembershipPolicy.canRemove(actor, { userId: actor.userId, organizationId: own.organizationId, role: own.role })
      : true;
  },
  'change roles': (name) => MembershipPolicy.canChangeRole(POLICY_ACTORS[name]),
};

const T = true;
const F = false;
const row = rowFor(decide);

//                        see ver. see unver. rm plain rm rep. rm elsewhere leave roles
const TABLE: Record<PolicyActorName, Record<Action, boolean>> = {
  admin: /*            */ row(T, T, T, T, T, T, T),
  moderator: /*        */ row(T, T, T, T, T, T, T),
  representative: /*   */ row(T, F, T, F, F, T, F),
  member: /*           */ row(T, F, F, F, F, T, F),
  newcomer: /*         */ row(T, T, F, F, F, T, F),
  outsider: /*         */ row(T, F, F, F, F, T, F),
};

describe('MembershipPolicy', () => {
  it.each(rowsOf(TABLE))('%s · %s → %s', (name, action, expected) => {
    expect(decide[action](name)).toBe(expected);
  });
});

describe('MembershipPolicy.keepsARepresentative', () => {
  it.each([
    ['REPRESENTATIVE', 'MEMBER', 0, false],
    ['REPRESENTATIVE', 'MEMBER', 1, true],
    ['REPRESENTATIVE', 'REPRESENTATIVE', 0, true],
    ['MEMBER', 'REPRESENTATIVE', 0, true],
    ['MEMBER', 'MEMBER', 0, true],
  ] as const)('%s → %s with %i other representatives → %s', (from, to, otherRepresentatives, expected) => {
    expect(MembershipPolicy.keepsARepresentative({ from, to, otherRepresentatives })).toBe(expected);
  });
});

describe('MembershipPolicy.leavingKeepsARepresentative', () => {
  it.each([
    ['REPRESENTATIVE', 0, 2, false],
    ['REPRESENTATIVE', 1, 2, true],
    ['REPRESENTATIVE', 0, 0, true],
    ['MEMBER', 0, 3, true],
  ] as const)(
    '%s leaving, %i other representatives, %i other people → %s',
    (role, otherRepresentatives, otherMembers, expected) => {
      expect(MembershipPolicy.leavingKeepsARepresentative({ role, otherRepresentatives, otherMembers })).toBe(expected);
    },
  );
});
