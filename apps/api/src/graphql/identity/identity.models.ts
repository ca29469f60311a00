import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/connection.type';
import {
  LocaleEnum,
  MembershipRoleEnum,
  OrganizationKindEnum,
  PlatformRoleEnum,
  UserStatusEnum,
} from './identity.enums';

@ObjectType('Organization', { description: 'The ministry, a federation, a company or an institution.' })
export class OrganizationModel {
  @Field(() => ID)
  id: string;

  @Field(() => OrganizationKindEnum)
  kind: OrganizationKindEnum;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  acronym: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Identifiant Commun de l’Entreprise (15 digits), companies only.',
  })
  ice: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => Date, { nullable: true, description: 'When the ministry verified this organisation.' })
  verifiedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Int, { description: 'Pass it back when editing: a stale version is refused with CONFLICT.' })
  version: number;
}

@ObjectType('User', { description: 'A person using Majlis.' })
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => LocaleEnum)
  locale: LocaleEnum;

  @Field(() => PlatformRoleEnum)
  platformRole: PlatformRoleEnum;

  @Field(() => UserStatusEnum)
  status: UserStatusEnum;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType('Membership', { description: 'A person’s place in an organisation.' })
export class MembershipModel {
  @Field(() => ID)
  id: string;

  @Field(() => MembershipRoleEnum)
  role: MembershipRoleEnum;

  @Field()
  createdAt: Date;

  userId: string;
  organizationId: string;
}

@ObjectType('Invitation', { description: 'A single-use, expiring invitation to join an organisation.' })
export class InvitationModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => MembershipRoleEnum)
  role: MembershipRoleEnum;

  @Field({ description: 'Past it, the link no longer works: resend the invitation for a new one.' })
  expiresAt: Date;

  @Field()
  createdAt: Date;

  @Field({ description: 'When its link was last sent: at creation, then at each resend.' })
  sentAt: Date;

  organizationId: string;
}

@ObjectType('InvitationPreview', {
  description: 'What an invitation link says before it is accepted: who is invited, where, as what, until when.',
})
export class InvitationPreviewModel {
  @Field()
  email: string;

  @Field(() => MembershipRoleEnum)
  role: MembershipRoleEnum;

  @Field()
  organizationName: string;

  @Field()
  expiresAt: Date;
}

@ObjectType()
export class OrganizationConnection extends Connection(OrganizationModel, 'Organization') {}

@ObjectType()
export class UserConnection extends Connection(UserModel, 'User') {}

@ObjectType()
export class MembershipConnection extends Connection(MembershipModel, 'Membership') {}

@ObjectType()
export class InvitationConnection extends Connection(InvitationModel, 'Invitation') {}
