import { Actor } from '@majlis/kernel';
import { OrganizationPolicy } from './organization.policy';
import { UserPolicy } from '../users/user.policy';

const FEDERATION = { id: 'fed', verifiedAt: new Date() };
const UNVERIFIED = { id: 'new', verifiedAt: null };

const actors: Record<string, Actor> = {
  admin: { userId: 'u-admin', platformRole: 'ADMIN', memberships: [] },
  moderator: { userId: 'u-mod', platformRole: 'MODERATOR', memberships: [] },
  representative: {
    userId: 'u-rep',
    platformRole: 'MEMBER',
    memberships: [{ organizationId: 'fed', role: 'REPRESENTATIVE' }],
  },
  member: { userId: 'u-mem', platformRole: 'MEMBER', memberships: [{ organizationId: 'fed', role: 'MEMBER' }] },
  newcomer: { userId: 'u-new', platformRole: 'MEMBER', memberships: [{ organizationId: 'new', role: 'MEMBER' }] },
  outsider: {
    userId: 'u-out',
    platformRole: 'MEMBER',
    memberships: [{ organizationId: 'other', role: 'REPRESENTATIVE' }],
  },
};

describe('OrganizationPolicy', () => {
  it.each([
    ['admin', true, true, true, true, true],
    ['moderator', true, true, true, true, true],
    ['representative', true, false, true, true, false],
    ['member', true, false, false, false, false],
    ['newcomer', true, true, false, false, false],
    ['outsider', true, false, false, false, false],
  ])(
    '%s: sees verified %s, sees unverified %s, updates %s, invites members %s, invites representatives %s',
    (name, seesVerified, seesUnverified, updates, invitesMember, invitesRepresentative) => {
      const actor = actors[name];
      expect(OrganizationPolicy.canSee(actor, FEDERATION)).toBe(seesVerified);
      expect(OrganizationPolicy.canSee(actor, UNVERIFIED)).toBe(seesUnverified);
      expect(OrganizationPolicy.canUpdate(actor, FEDERATION)).toBe(updates);
      expect(OrganizationPolicy.canInvite(actor, FEDERATION, 'MEMBER')).toBe(invitesMember);
      expect(OrganizationPolicy.canInvite(actor, FEDERATION, 'REPRESENTATIVE')).toBe(invitesRepresentative);
    },
  );

  it('lets representatives remove plain members only, and anyone leave', () => {
    const plain = { userId: 'u-x', organizationId: 'fed', role: 'MEMBER' as const };
    const representative = { userId: 'u-y', organizationId: 'fed', role: 'REPRESENTATIVE' as const };
    expect(OrganizationPolicy.canRemoveMember(actors['representative'], plain)).toBe(true);
    expect(OrganizationPolicy.canRemoveMember(actors['representative'], representative)).toBe(false);
    expect(OrganizationPolicy.canRemoveMember(actors['member'], plain)).toBe(false);
    expect(OrganizationPolicy.canRemoveMember(actors['member'], { ...plain, userId: 'u-mem' })).toBe(true);
  });
});

describe('UserPolicy', () => {
  it('shows an e-mail address to its owner and to staff only', () => {
    expect(UserPolicy.canSeeEmail(actors['member'], 'u-mem')).toBe(true);
    expect(UserPolicy.canSeeEmail(actors['representative'], 'u-mem')).toBe(false);
    expect(UserPolicy.canSeeEmail(actors['moderator'], 'u-mem')).toBe(true);
  });

  it('lets moderators suspend members but not staff, admins anyone but themselves', () => {
    expect(UserPolicy.canChangeStatus(actors['moderator'], { id: 'u-mem', platformRole: 'MEMBER' })).toBe(true);
    expect(UserPolicy.canChangeStatus(actors['moderator'], { id: 'u-admin', platformRole: 'ADMIN' })).toBe(false);
    expect(UserPolicy.canChangeStatus(actors['admin'], { id: 'u-mod', platformRole: 'MODERATOR' })).toBe(true);
    expect(UserPolicy.canChangeStatus(actors['admin'], { id: 'u-admin', platformRole: 'ADMIN' })).toBe(false);
    expect(UserPolicy.canChangeStatus(actors['representative'], { id: 'u-mem', platformRole: 'MEMBER' })).toBe(false);
  });
});
