import { PlatformRole } from '@majlis/kernel';
import { POLICY_ACTORS, PolicyActorName, rowFor, rowsOf } from '../policy-actors.fixture';
import { UserPolicy } from './user.policy';

type Action =
  | 'see a profile'
  | 'see own e-mail'
  | 'see another’s e-mail'
  | 'suspend a member'
  | 'suspend a moderator'
  | 'suspend an admin'
  | 'suspend self'
  | 'change another’s platform role'
  | 'change own platform role'
  | 'change own password'
  | 'change another’s password'
  | 'search people'
  | 'list a deleted account';

const person = (id: string, platformRole: PlatformRole) => ({ id, platformRole });

const decide: Record<Action, (name: PolicyActorName) => boolean> = {
  'see a profile': (name) => UserPolicy.canSeeProfile(POLICY_ACTORS[name]),
  'see own e-mail': (name) => UserPolicy.canSeeEmail(POLICY_ACTORS[name], POLICY_ACTORS[name].userId),
  'see another’s e-mail': (name) => UserPolicy.canSeeEmail(POLICY_ACTORS[name], 'u-someone'),
  'suspend a member': (name) => UserPolicy.canChangeStatus(POLICY_ACTORS[name], person('u-someone', 'MEMBER')),
  'suspend a moderator': (name) => UserPolicy.canChangeStatus(POLICY_ACTORS[name], person('u-other-mod', 'MODERATOR')),
  'suspend an admin': (name) => UserPolicy.canChangeStatus(POLICY_ACTORS[name], person('u-other-admin', 'ADMIN')),
  'suspend self': (name) =>
    UserPolicy.canChangeStatus(
      POLICY_ACTORS[name],
      person(POLICY_ACTORS[name].userId, POLICY_ACTORS[name].platformRole),
    ),
  'change another’s platform role': (name) =>
    UserPolicy.canChangePlatformRole(POLICY_ACTORS[name], { id: 'u-someone' }),
  'change own platform role': (name) =>
    UserPolicy.canChangePlatformRole(POLICY_ACTORS[name], { id: POLICY_ACTORS[name].userId }),
  'change own password': (name) =>
    UserPolicy.canChangePassword(POLICY_ACTORS[name], { id: POLICY_ACTORS[name].userId }),
  'change another’s password': (name) => UserPolicy.canChangePassword(POLICY_ACTORS[name], { id: 'u-someone' }),
  'search people': (name) => UserPolicy.canList(POLICY_ACTORS[name], { status: 'SUSPENDED' }),
  'list a deleted account': (name) => UserPolicy.canList(POLICY_ACTORS[name], { status: 'DELETED' }),
};

const T = true;
const F = false;
const row = rowFor(decide);

//                        profile own mail other mail susp.mem susp.mod susp.adm susp.self role other role own pwd own pwd other search deleted
const TABLE: Record<PolicyActorName, Record<Action, boolean>> = {
  admin: /*            */ row(T, T, T, T, T, T, F, T, F, T, F, T, F),
  moderator: /*        */ row(T, T, T, T, F, F, F, F, F, T, F, T, F),
  representative: /*   */ row(T, T, F, F, F, F, F, F, F, T, F, F, F),
  member: /*           */ row(T, T, F, F, F, F, F, F, F, T, F, F, F),
  newcomer: /*         */ row(T, T, F, F, F, F, F, F, F, T, F, F, F),
  outsider: /*         */ row(T, T, F, F, F, F, F, F, F, T, F, F, F),
};

describe('UserPolicy', () => {
  it.each(rowsOf(TABLE))('%s · %s → %s', (name, action, expected) => {
    expect(decide[action](name)).toBe(expected);
  });

  it('lists through SQL exactly whom it lists in TypeScript', () => {
    for (const actor of Object.values(POLICY_ACTORS)) {
      const { sql } = UserPolicy.canListSql(actor, 'u');
      expect(sql).toBe(UserPolicy.canSearch(actor) ? `u.status <> 'DELETED'` : 'FALSE');
    }
  });
});
