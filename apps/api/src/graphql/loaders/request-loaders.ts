import DataLoader from 'dataloader';
import type { Actor } from '@majlis/kernel';
import {
  Membership,
  MembershipService,
  Organization,
  OrganizationService,
  User,
  UserService,
} from '@majlis/identity';

/**
 * Per-request DataLoaders: each batches the lookups of one GraphQL request into one SQL statement, and
 * applies the domain's visibility rules for the request's actor (what it may not see comes back as null).
 */
export class RequestLoaders {
  readonly organization: DataLoader<string, Organization | null>;
  readonly user: DataLoader<string, User | null>;
  readonly membershipsOfUser: DataLoader<string, Membership[]>;
  readonly federationsOf: DataLoader<string, Organization[]>;

  constructor(services: LoaderServices, actor: () => Actor) {
    this.organization = new DataLoader(async (ids) => {
      const found = await services.organizations.findVisibleByIds(actor(), ids);
      return ids.map((id) => found.get(id) ?? null);
    });
    this.user = new DataLoader(async (ids) => {
      const found = await services.users.findByIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    });
    this.membershipsOfUser = new DataLoader(async (ids) => {
      const found = await services.memberships.membershipsOfUsers(ids);
      return ids.map((id) => found.get(id) ?? []);
    });
    this.federationsOf = new DataLoader(async (ids) => {
      const found = await services.organizations.federationsOf(actor(), ids);
      return ids.map((id) => found.get(id) ?? []);
    });
  }
}

export interface LoaderServices {
  readonly organizations: OrganizationService;
  readonly users: UserService;
  readonly memberships: MembershipService;
}
