export * from './identity.module';
export * from './identity.reasons';
export * from './identity.options';
export * from './auth/authenticated-actor';
export * from './auth/authentication.service';
export * from './organizations/organization.entity';
export * from './organizations/federation-affiliation.entity';
export * from './organizations/organization.service';
export * from './organizations/organization.policy';
export * from './organizations/organization.queries';
export * from './memberships/membership.policy';
export * from './invitations/invitation.policy';
export type {
  CreateOrganizationInput,
  UpdateOrganizationInput,
  ListOrganizationsInput,
} from './organizations/organization.inputs';
export * from './users/user.entity';
export * from './users/user.service';
export * from './users/user.policy';
export * from './users/user.queries';
export type { SearchUsersInput, UpdateProfileInput } from './users/user.inputs';
export * from './memberships/membership.entity';
export * from './memberships/membership.service';
export * from './memberships/membership.queries';
export * from './invitations/invitation.entity';
export * from './invitations/invitation.service';
export * from './invitations/invitation.queries';
export type { InviteMemberInput, AcceptInvitationInput } from './invitations/invitation.inputs';
export type { ChangePasswordInput } from './auth/password.inputs';
export { hashPassword } from './auth/password';
export { passwordProblem, PASSWORD_MIN_LENGTH } from './auth/password-rules';
export * from './password-reset/password-reset.service';
export type { RequestPasswordResetInput, ResetPasswordInput } from './password-reset/password-reset.inputs';
export * from './personal-data/personal-data.registry';
export * from './personal-data/personal-data.service';

import { RefreshToken } from './auth/refresh-token.entity';
import { Session } from './auth/session.entity';
import { Invitation } from './invitations/invitation.entity';
import { Membership } from './memberships/membership.entity';
import { FederationAffiliation } from './organizations/federation-affiliation.entity';
import { Organization } from './organizations/organization.entity';
import { User } from './users/user.entity';

/** The TypeORM entities this lib owns, for the application's DataSource. */
export const IDENTITY_ENTITIES = [
  User,
  Organization,
  FederationAffiliation,
  Membership,
  Invitation,
  Session,
  RefreshToken,
];
