import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AuthenticatedActor,
  InvitationService,
  Membership,
  MembershipService,
  Organization,
  User,
} from '@majlis/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { GraphQLContext } from '../graphql-context';
import { ChangeMembershipRoleInput, InviteMemberInput, MembershipIdInput } from './identity.inputs';
import { InvitationModel, MembershipModel, OrganizationModel, UserModel } from './identity.models';
import { InviteMemberPayload, MembershipPayload } from './identity.payloads';

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

  @Mutation(() => MembershipPayload, { description: 'Makes a member a representative, or back (ministry moderators).' })
  async changeMembershipRole(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: ChangeMembershipRoleInput,
  ) {
    return { membership: await this.memberships.changeRole(actor, input.membershipId, input.role) };
  }
}

@Resolver(() => InvitationModel)
export class InvitationResolver {
  @ResolveField(() => OrganizationModel, { nullable: true })
  organization(@Parent() invitation: { organizationId: string }, @Context() context: GraphQLContext) {
    return context.loaders.organization.load(invitation.organizationId);
  }
}
