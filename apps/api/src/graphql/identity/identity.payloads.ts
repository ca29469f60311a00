import { Field, ObjectType } from '@nestjs/graphql';
import { InvitationModel, MembershipModel, OrganizationModel, UserModel } from './identity.models';

@ObjectType({ description: 'Tokens of a new or refreshed session.' })
export class SessionPayload {
  @Field({ description: 'Send it as `Authorization: Bearer <token>`; short-lived.' })
  accessToken: string;

  @Field()
  accessTokenExpiresAt: Date;

  @Field({
    description:
      'Single use: exchange it with refreshSession for new tokens. Reusing it ends the session. Empty when the request carried `X-Session-Cookie: 1` (the web client): the token is then only in an httpOnly cookie.',
  })
  refreshToken: string;

  @Field()
  refreshTokenExpiresAt: Date;

  @Field(() => UserModel)
  user: UserModel;
}

@ObjectType()
export class DeleteMyAccountPayload {
  @Field()
  deleted: boolean;
}

@ObjectType()
export class SignOutPayload {
  @Field()
  signedOut: boolean;
}

@ObjectType()
export class OrganizationPayload {
  @Field(() => OrganizationModel)
  organization: OrganizationModel;
}

@ObjectType()
export class FederationMemberPayload {
  @Field(() => OrganizationModel)
  federation: OrganizationModel;

  @Field(() => OrganizationModel)
  organization: OrganizationModel;
}

@ObjectType()
export class InviteMemberPayload {
  @Field(() => InvitationModel)
  invitation: InvitationModel;

  @Field({ description: 'The single-use secret to send to the invitee (shown once, never stored in clear).' })
  token: string;
}

@ObjectType()
export class InvitationPayload {
  @Field(() => InvitationModel)
  invitation: InvitationModel;
}

@ObjectType()
export class AcceptInvitationPayload {
  @Field(() => UserModel)
  user: UserModel;

  @Field(() => MembershipModel)
  membership: MembershipModel;

  @Field(() => SessionPayload, {
    nullable: true,
    description: 'Accepted without being signed in: you are now signed in, with these tokens. Null when signed in.',
  })
  session: SessionPayload | null;
}

@ObjectType()
export class MembershipPayload {
  @Field(() => MembershipModel)
  membership: MembershipModel;
}

@ObjectType()
export class UserPayload {
  @Field(() => UserModel)
  user: UserModel;
}
