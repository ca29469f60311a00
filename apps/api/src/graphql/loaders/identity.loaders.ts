import type { Actor } from '@majlis/kernel';
import type { Membership, MembershipService, Organization, OrganizationService, User, UserService } from '@majlis/identity';
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
  };
}
