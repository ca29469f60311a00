import DataLoader from 'dataloader';
import type { Actor, Connection } from '@majlis/kernel';
import type {
  Membership,
  MembershipService,
  Organization,
  OrganizationService,
  User,
  UserService,
} from '@majlis/identity';
import { mapLoader } from './batch';

export interface IdentityLoaderServices {
  readonly organizations: OrganizationService;
  readonly users: UserService;
  readonly memberships: MembershipService;
}

/** Organisations (visibility applied for the actor), people, memberships and federations, batched per request. */
export function identityLoaders(services: IdentityLoaderServices, actor: () => Actor) {
  return {
    organization: mapLoader<Organization | null>((ids) => services.organizations.findVisibleByIds(actor(), ids), null),
    user: mapLoader<User | null>((ids) => services.users.findByIds(ids), null),
    membershipsOfUser: mapLoader<Membership[]>((ids) => services.memberships.membershipsOfUsers(ids), []),
    federationsOf: mapLoader<Organization[]>((ids) => services.organizations.federationsOf(actor(), ids), []),
    /** First pages of members, keyed by "organisationId:first"; batched per page size. */
    firstMembers: new DataLoader<string, Connection<Membership>>(async (keys) => {
      const bySize = new Map<number, string[]>();
      for (const key of keys) {
        const [id, first] = key.split(':');
        bySize.set(Number(first), [...(bySize.get(Number(first)) ?? []), id]);
      }
      const pages = new Map<string, Connection<Membership>>();
      for (const [first, ids] of bySize) {
        for (const [id, page] of await services.memberships.firstMembersOf(ids, first))
          pages.set(`${id}:${first}`, page);
      }
      return keys.map((key) => pages.get(key)!);
    }),
  };
}
