import { Actor } from '@majlis/kernel';
import type { SpaceRole, SpaceVisibility } from './space.entity';
import { SpacePolicy, strongestRole } from './space.policy';

const staff: Actor = { userId: 'mod', platformRole: 'MODERATOR', memberships: [] };
const person: Actor = { userId: 'p', platformRole: 'MEMBER', memberships: [] };

describe('SpacePolicy', () => {
  // visibility × role (of a plain person) → reads, posts, moderates, manages members
  it.each<[SpaceVisibility, SpaceRole | null, boolean, boolean, boolean, boolean]>([
    ['PUBLIC', null, true, true, false, false],
    ['PUBLIC', 'OBSERVER', true, false, false, false],
    ['PUBLIC', 'PARTICIPANT', true, true, false, false],
    ['PUBLIC', 'MODERATOR', true, true, true, false],
    ['PUBLIC', 'OWNER', true, true, true, true],
    ['RESTRICTED', null, true, false, false, false],
    ['RESTRICTED', 'OBSERVER', true, false, false, false],
    ['RESTRICTED', 'PARTICIPANT', true, true, false, false],
    ['RESTRICTED', 'MODERATOR', true, true, true, false],
    ['PRIVATE', null, false, false, false, false],
    ['PRIVATE', 'OBSERVER', true, false, false, false],
    ['PRIVATE', 'PARTICIPANT', true, true, false, false],
    ['PRIVATE', 'MODERATOR', true, true, true, false],
    ['PRIVATE', 'OWNER', true, true, true, true],
  ])('%s space, role %s: reads %s, posts %s, moderates %s, manages members %s', (visibility, role, ...expected) => {
    const space = { visibility };
    expect([
      SpacePolicy.canRead(space, role),
      SpacePolicy.canPost(space, role),
      SpacePolicy.canModerate(person, space, role),
      SpacePolicy.canManageMembers(person, space, role),
    ]).toEqual(expected);
  });

  // platform staff × visibility × role → reads, moderates, manages members
  it.each<[SpaceVisibility, SpaceRole | null, boolean, boolean, boolean]>([
    ['PUBLIC', null, true, true, true],
    ['RESTRICTED', null, true, true, true],
    ['PRIVATE', null, false, false, false],
    ['PRIVATE', 'PARTICIPANT', true, false, true],
    ['PRIVATE', 'MODERATOR', true, true, true],
  ])(
    'platform staff in a %s space, role %s: reads %s, moderates %s, manages members %s',
    (visibility, role, ...expected) => {
      const space = { visibility };
      expect([
        SpacePolicy.canRead(space, role),
        SpacePolicy.canModerate(staff, space, role),
        SpacePolicy.canManageMembers(staff, space, role),
      ]).toEqual(expected);
    },
  );

  it.each<[Actor, string, boolean]>([
    [staff, 'any', true],
    [
      { userId: 'r', platformRole: 'MEMBER', memberships: [{ organizationId: 'fmo', role: 'REPRESENTATIVE' }] },
      'fmo',
      true,
    ],
    [
      { userId: 'r', platformRole: 'MEMBER', memberships: [{ organizationId: 'fmo', role: 'REPRESENTATIVE' }] },
      'adi',
      false,
    ],
    [{ userId: 'm', platformRole: 'MEMBER', memberships: [{ organizationId: 'fmo', role: 'MEMBER' }] }, 'fmo', false],
  ])('creates a space for %j owned by %s: %s', (actor, owner, expected) => {
    expect(SpacePolicy.canCreate(actor, owner)).toBe(expected);
  });

  it('takes the strongest of several roles', () => {
    expect(strongestRole(['OBSERVER', 'MODERATOR', 'PARTICIPANT'])).toBe('MODERATOR');
    expect(strongestRole([])).toBeNull();
  });

  it('leaves PRIVATE spaces’ content to their own moderators', () => {
    expect(SpacePolicy.isPlatformModerated({ visibility: 'PRIVATE' })).toBe(false);
    expect(SpacePolicy.isPlatformModerated({ visibility: 'RESTRICTED' })).toBe(true);
  });
});
