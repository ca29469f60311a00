import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  LocaleEnum,
  MembershipRoleEnum,
  OrganizationKindEnum,
  PlatformRoleEnum,
  UserStatusEnum,
} from './identity.enums';

// Shapes only: lengths, formats and rules are checked by the domain services, which answer BAD_USER_INPUT per field.

@InputType()
export class SignInInput {
  @Field()
  email: string;

  @Field()
  password: string;
}

@InputType()
export class RefreshSessionInput {
  @Field(() => String, {
    nullable: true,
    description: 'Omit it in a browser: the httpOnly refresh cookie set at sign-in is used instead.',
  })
  refreshToken?: string | null;
}

@InputType()
export class AcceptInvitationInput {
  @Field({ description: 'The token of the invitation link.' })
  token: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Not signed in: a new password (at least 12 characters, not common, not your name or e-mail), or the password of your existing account. Signed in as the invitee: not needed.',
  })
  password?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required when not signed in (the name of the account, if the invitation creates it).',
  })
  displayName?: string | null;

  @Field(() => LocaleEnum, { nullable: true })
  locale?: LocaleEnum | null;
}

@InputType()
export class OrganizationFilter {
  @Field(() => OrganizationKindEnum, { nullable: true })
  kind?: OrganizationKindEnum | null;

  @Field(() => String, { nullable: true, description: 'Part of the name or acronym.' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true })
  verified?: boolean | null;
}

@InputType({ description: 'Platform staff: which people to list (deleted accounts never are).' })
export class UserFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Part of a display name (case, accents and Arabic letter forms ignored) or of an e-mail address; at most 100 characters.',
  })
  text?: string | null;

  @Field(() => PlatformRoleEnum, { nullable: true })
  platformRole?: PlatformRoleEnum | null;

  @Field(() => UserStatusEnum, { nullable: true, description: 'ACTIVE or SUSPENDED.' })
  status?: UserStatusEnum | null;
}

@InputType()
export class CreateOrganizationInput {
  @Field(() => OrganizationKindEnum)
  kind: OrganizationKindEnum;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  acronym?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for a company: its 15-digit ICE.' })
  ice?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType()
export class UpdateOrganizationInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one answers CONFLICT.' })
  version: number;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  acronym?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType()
export class OrganizationIdInput {
  @Field(() => ID)
  id: string;
}

@InputType()
export class FederationMemberInput {
  @Field(() => ID)
  federationId: string;

  @Field(() => ID, { description: 'The company or institution joining or leaving the federation.' })
  organizationId: string;
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID)
  organizationId: string;

  @Field()
  email: string;

  @Field(() => MembershipRoleEnum)
  role: MembershipRoleEnum;
}

@InputType()
export class InvitationIdInput {
  @Field(() => ID)
  invitationId: string;
}

@InputType()
export class MembershipIdInput {
  @Field(() => ID)
  membershipId: string;
}

@InputType()
export class ChangeMembershipRoleInput {
  @Field(() => ID)
  membershipId: string;

  @Field(() => MembershipRoleEnum)
  role: MembershipRoleEnum;
}

@InputType()
export class UpdateProfileInput {
  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true })
  displayName?: string;

  @Field(() => LocaleEnum, { nullable: true })
  locale?: LocaleEnum;
}

@InputType()
export class UserIdInput {
  @Field(() => ID)
  userId: string;
}

@InputType()
export class ChangePasswordInput {
  @Field({ description: 'Your current password.' })
  currentPassword: string;

  @Field({ description: 'At least 12 characters, not a common or breached password, not your name or e-mail.' })
  newPassword: string;
}

@InputType()
export class DeleteMyAccountInput {
  @Field({ description: 'Your password, to confirm.' })
  password: string;
}

@InputType()
export class SuspendUserInput {
  @Field(() => ID)
  userId: string;

  @Field(() => Date, { nullable: true, description: 'Until when; indefinitely without it.' })
  until?: Date | null;

  @Field({ defaultValue: '', description: 'Why, for the audit trail.' })
  reason: string;
}

@InputType()
export class SetPlatformRoleInput {
  @Field(() => ID)
  userId: string;

  @Field(() => PlatformRoleEnum)
  platformRole: PlatformRoleEnum;
}
