import { POLICY_ACTORS, PolicyActorName, rowFor, rowsOf } from '../policy-actors.fixture';
import { InvitationPolicy } from './invitation.policy';

type Action =
  | 'invite a member into own'
  | 'invite a representative into own'
  | 'invite a member elsewhere'
  | 'see own organisation’s invitations'
  | 'see another’s invitations'
  | 'resend/revoke a member’s in own'
  | 'resend/revoke a representative’s in own'
  | 'resend/revoke a member’s elsewhere';

const OWN = { id: 'fed' };
const ELSEWHERE = { id: 'else' };

const decide: Record<Action, (name: PolicyActorName) => boolean> = {
  'invite a member into own': (name) => InvitationPolicy.canInvite(POLICY_ACTORS[name], OWN, 'MEMBER'),
  'invite a representative into own': (name) => InvitationPolicy.canInvite(POLICY_ACTORS[name], OWN, 'REPRESENTATIVE'),
  'invite a member elsewhere': (name) => InvitationPolicy.canInvite(POLICY_ACTORS[name], ELSEWHERE, 'MEMBER'),
  'see own organisation’s invitations': (name) => InvitationPolicy.canSeeInvitations(POLICY_ACTORS[name], OWN),
  'see another’s invitations': (name) => InvitationPolicy.canSeeInvitations(POLICY_ACTORS[name], ELSEWHERE),
  'resend/revoke a member’s in own': (name) =>
    InvitationPolicy.canManage(POLICY_ACTORS[name], { organizationId: OWN.id, role: 'MEMBER' }),
  'resend/revoke a representative’s in own': (name) =>
    InvitationPolicy.canManage(POLICY_ACTORS[name], { organizationId: OWN.id, role: 'REPRESENTATIVE' }),
  'resend/revoke a member’s elsewhere': (name) =>
    InvitationPolicy.canManage(POLICY_ACTORS[name], { organizationId: ELSEWHERE.id, role: 'MEMBER' }),
};

const T = true;
const F = false;
const row = rowFor(decide);

//                        invite: member own  rep own  member else  see: own  else  manage: member own  rep own  member else
const TABLE: Record<PolicyActorName, Record<Action, boolean>> = {
  admin: /*            */ row(T, T, T, T, T, T, T, T),
  moderator: /*        */ row(T, T, T, T, T, T, T, T),
  representative: /*   */ row(T, F, F, T, F, T, F, F),
  member: /*           */ row(F, F, F, F, F, F, F, F),
  newcomer: /*         */ row(F, F, F, F, F, F, F, F),
  outsider: /*         */ row(F, F, F, F, F, F, F, F),
};

describe('InvitationPolicy', () => {
  it.each(rowsOf(TABLE))('%s · %s → %s', (name, action, expected) => {
    expect(decide[action](name)).toBe(expected);
  });

  it.each<[string, Date | null, Date | null, boolean]>([
    ['waiting', null, null, true],
    ['accepted', new Date(), null, false],
    ['withdrawn', null, new Date(), false],
  ])('an invitation %s is pending → %s', (_state, acceptedAt, revokedAt, expected) => {
    expect(InvitationPolicy.isPending({ acceptedAt, revokedAt })).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ['amina@example.ma', 'amina@example.ma', true],
    ['Amina@Example.ma', 'amina@example.ma', true],
    ['someone.else@example.ma', 'amina@example.ma', false],
  ])('a signed-in %s accepts an invitation for %s → %s', (personEmail, invitationEmail, expected) => {
    expect(InvitationPolicy.canAcceptSignedIn({ email: personEmail }, { email: invitationEmail })).toBe(expected);
  });
});
