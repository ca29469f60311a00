import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection as DomainConnection } from '@majlis/kernel';
import { AuthenticatedActor, Membership, User, UserPolicy, UserService } from '@majlis/identity';
import { ModerationService } from '@majlis/moderation';
import { CurrentActor, OptionalActor } from '../auth/current-actor.decorator';
import { PageArgs } from '../common/page.args';
import type { GraphQLContext } from '../graphql-context';
import { SetPlatformRoleInput, SuspendUserInput, UpdateProfileInput, UserFilter, UserIdInput } from './identity.inputs';
import { MembershipModel, UserConnection, UserModel } from './identity.models';
import { UserPayload } from './identity.payloads';

/** The moderation log's reason for the deprecated mutations, which take none. */
const NO_REASON = 'No reason given (suspendUser / reinstateUser)';

@Resolver(() => UserModel)
export class UserResolver {
  constructor(
    private readonly userService: UserService,
    private readonly moderation: ModerationService,
  ) {}

  @Query(() => UserConnection, {
    description:
      'Platform moderators and administrators: people by display name, found by part of their name or e-mail address (FORBIDDEN for others).',
  })
  users(
    @CurrentActor() actor: AuthenticatedActor,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: UserFilter,
  ): Promise<DomainConnection<User>> {
    return this.userService.search(actor, filter ?? {}, page);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Seen by the person themself and by platform staff only.',
  })
  email(@OptionalActor() actor: AuthenticatedActor | null, @Parent() user: User): string | null {
    return actor && UserPolicy.canSeeEmail(actor, user.id) ? user.email : null;
  }

  @ResolveField(() => [MembershipModel])
  memberships(@Parent() user: User, @Context() context: GraphQLContext): Promise<Membership[]> {
    return context.loaders.membershipsOfUser.load(user.id);
  }

  @Mutation(() => UserPayload, { description: 'Changes your own display name or locale.' })
  async updateProfile(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: UpdateProfileInput) {
    return { user: await this.userService.updateProfile(actor, input) };
  }

  @Mutation(() => UserPayload, {
    description: 'Suspends a person: no sign-in, and their sessions end at once. Same path as moderateUser (logged).',
    deprecationReason: 'Use moderateUser with action SUSPEND.',
  })
  async suspendUser(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: SuspendUserInput) {
    const reason = input.reason.trim() || NO_REASON;
    const user = await this.moderation.actOnUser(actor, {
      userId: input.userId,
      action: 'SUSPEND',
      reason,
      until: input.until ?? null,
    });
    return { user };
  }

  @Mutation(() => UserPayload, {
    description: 'Same path as moderateUser (logged).',
    deprecationReason: 'Use moderateUser with action REINSTATE.',
  })
  async reinstateUser(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: UserIdInput) {
    return {
      user: await this.moderation.actOnUser(actor, { userId: input.userId, action: 'REINSTATE', reason: NO_REASON }),
    };
  }

  @Mutation(() => UserPayload, { description: 'Administrators only.' })
  async setPlatformRole(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: SetPlatformRoleInput) {
    return { user: await this.userService.setPlatformRole(actor, input.userId, input.platformRole) };
  }
}
