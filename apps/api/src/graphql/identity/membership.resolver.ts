import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection as DomainConnection } from '@majlis/kernel';
import {
  AuthenticatedActor,
  Invitation,
  InvitationService,
  Membership,
  MembershipService,
  Organization,
  User,
} from '@majlis/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { PageArgs } from '../common/page.args';
import type { GraphQLContext } from '../graphql-context';
import { ChangeMembershipRoleInput, InvitationIdInput, InviteMemberInput, MembershipIdInput } from './identity.inputs';
import {
  InvitationConnection,
  InvitationModel,
  InvitationPreviewModel,
  MembershipModel,
  OrganizationModel,
  UserModel,
} from './identity.models';
import { InvitationPayload, InviteMemberPayload, MembershipPayload } from './identity.payloads';

@Resolver(() => MembershipModel)
export class MembershipResolver {
  constructor(
    private readonly memberships: MembershipService,
    private readonly invitations: InvitationService,
  ) {}

  @ResolveField(() => UserModel)
  async user(@Parent() membership: Membership, @Context() context: GraphQLContext): Promise<User | null> {
    return context.loaders.user.load(membership.userId);
  }

  @ResolveField(() => OrganizationModel, {
    nullable: true,
    description: 'Null when the organisation is not visible to you.',
  })
  organization(@Parent() membership: Membership, @Context() context: GraphQLContext): Promise<Organization | null> {
    return context.loaders.organization.load(membership.organizationId);
  }

  @Mutation(() => InviteMemberPayload, { description: 'Invites a person (by e-mail) into an organisation.' })
  async inviteMember(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: InviteMemberInput) {
    return this.invitations.invite(actor, input);
  }

  @Mutation(() => MembershipPayload, { description: 'Removes a person from an organisation (or leaves it yourself).' })
  async removeMembership(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: MembershipIdInput) {
    return { membership: await this.memberships.remove(actor, input.membershipId) };
  }

  @Mutation(() => MembershipPayload, {
    description:
      'Makes a member a representative, or back (ministry moderators). An organisation keeps at least one representative: making its only one a member answers CONFLICT on `role`.',
  })
  async changeMembershipRole(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: ChangeMembershipRoleInput,
  ) {
    return { membership: await this.memberships.changeRole(actor, input.membershipId, input.role) };
  }
}

@Resolver(() => InvitationModel)
export class InvitationResolver {
  constructor(private readonly invitations: InvitationService) {}

  @Query(() => InvitationConnection, {
    description:
      'An organisation’s pending invitations (not accepted, not withdrawn; expired ones included, to resend), oldest first. Its representatives and staff.',
  })
  pendingInvitations(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args() page: PageArgs,
  ): Promise<DomainConnection<Invitation>> {
    return this.invitations.pendingOf(actor, organizationId, page);
  }

  @Public()
  @Query(() => InvitationPreviewModel, {
    description:
      'What an invitation link says (its token is the secret): NOT_FOUND when not valid or withdrawn, CONFLICT when already used, DEADLINE_PASSED when expired.',
  })
  async invitationPreview(@Args('token') token: string): Promise<InvitationPreviewModel> {
    const { invitation, organizationName } = await this.invitations.preview(token);
    return { email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, organizationName };
  }

  @Mutation(() => InviteMemberPayload, {
    description:
      'Sends a pending invitation again: a new link (the previous one stops working) and a new expiry. Whoever could issue it.',
  })
  resendInvitation(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: InvitationIdInput) {
    return this.invitations.resend(actor, input.invitationId);
  }

  @Mutation(() => InvitationPayload, {
    description: 'Withdraws a pending invitation: its link no longer works. Whoever could issue it.',
  })
  async revokeInvitation(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: InvitationIdInput) {
    return { invitation: await this.invitations.revoke(actor, input.invitationId) };
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  organization(@Parent() invitation: { organizationId: string }, @Context() context: GraphQLContext) {
    return context.loaders.organization.load(invitation.organizationId);
  }
}
