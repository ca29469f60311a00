import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection as DomainConnection } from '@majlis/kernel';
import { Space, SpaceMember, SpacePolicy, SpaceRole, SpaceService, Thread, ThreadService } from '@majlis/discussions';
import type { AuthenticatedActor, Organization, User } from '@majlis/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { PageArgs } from '../common/page.args';
import type { GraphQLContext } from '../graphql-context';
import { OrganizationModel, UserModel } from '../identity/identity.models';
import {
  AddSpaceMemberInput,
  CreateSpaceInput,
  SpaceMemberIdInput,
  SpaceMemberRoleInput,
  ThreadFilterInput,
} from './spaces.inputs';
import {
  SpaceConnection,
  SpaceMemberModel,
  SpaceMemberPayload,
  SpaceModel,
  SpacePayload,
  SpaceRoleEnum,
  ThreadConnection,
} from './spaces.models';

@Resolver(() => SpaceModel)
export class SpaceResolver {
  constructor(
    private readonly spaceService: SpaceService,
    private readonly threadService: ThreadService,
  ) {}

  @Query(() => SpaceModel, { description: 'A space by id or slug; NOT_FOUND for a PRIVATE space you are not in.' })
  async space(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('id', { type: () => ID }) id: string,
    @Context() context: GraphQLContext,
  ): Promise<Space> {
    const { space, role } = await this.spaceService.get(actor, id);
    context.loaders.spaceRole.prime(space.id, role);
    return space;
  }

  @Query(() => SpaceConnection, { description: 'The spaces you can read.' })
  spaces(@CurrentActor() actor: AuthenticatedActor, @Args() page: PageArgs): Promise<DomainConnection<Space>> {
    return this.spaceService.list(actor, page);
  }

  @Query(() => ThreadConnection, {
    description: 'Threads with activity by others since you last read them, across your spaces.',
  })
  whatsNew(@CurrentActor() actor: AuthenticatedActor, @Args() page: PageArgs): Promise<DomainConnection<Thread>> {
    return this.threadService.whatsNew(actor, page);
  }

  @Query(() => ThreadConnection, {
    description:
      'Threads citing a document, or one article of it (its key, e.g. "art-3", stable across versions), most recently active first, in the spaces you can read.',
  })
  citingThreads(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('documentId', { type: () => ID }) documentId: string,
    @Args() page: PageArgs,
    @Args('sectionKey', { type: () => String, nullable: true }) sectionKey?: string | null,
  ): Promise<DomainConnection<Thread>> {
    return this.threadService.citing(actor, documentId, sectionKey ?? null, page);
  }

  @Mutation(() => SpacePayload)
  async createSpace(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: CreateSpaceInput) {
    return { space: await this.spaceService.create(actor, input) };
  }

  @Mutation(() => SpaceMemberPayload)
  async addSpaceMember(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') { spaceId, ...member }: AddSpaceMemberInput,
  ) {
    return { member: await this.spaceService.addMember(actor, spaceId, member) };
  }

  @Mutation(() => SpaceMemberPayload)
  async removeSpaceMember(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: SpaceMemberIdInput) {
    return { member: await this.spaceService.removeMember(actor, input.memberId) };
  }

  @Mutation(() => SpaceMemberPayload, {
    description: 'Owners change a member’s role; a space keeps at least one owner (CONFLICT otherwise).',
  })
  async changeSpaceMemberRole(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: SpaceMemberRoleInput) {
    return { member: await this.spaceService.changeMemberRole(actor, input.memberId, input.role) };
  }

  @ResolveField(() => Boolean, { description: 'Whether you may start threads and reply here.' })
  async viewerCanPost(@Parent() space: Space, @Context() context: GraphQLContext): Promise<boolean> {
    return SpacePolicy.canPost(space, await context.loaders.spaceRole.load(space.id));
  }

  @ResolveField(() => Boolean, { description: 'Whether you may pin and lock threads here.' })
  async viewerCanModerate(
    @CurrentActor() actor: AuthenticatedActor,
    @Parent() space: Space,
    @Context() context: GraphQLContext,
  ): Promise<boolean> {
    return SpacePolicy.canModerate(actor, space, await context.loaders.spaceRole.load(space.id));
  }

  @ResolveField(() => Boolean, { description: 'Whether you may add and remove members and set their roles.' })
  async viewerCanManageMembers(
    @CurrentActor() actor: AuthenticatedActor,
    @Parent() space: Space,
    @Context() context: GraphQLContext,
  ): Promise<boolean> {
    return SpacePolicy.canManageMembers(actor, space, await context.loaders.spaceRole.load(space.id));
  }

  @ResolveField(() => SpaceRoleEnum, {
    nullable: true,
    description: 'Your role here (directly or through your organisations).',
  })
  viewerRole(@Parent() space: Space, @Context() context: GraphQLContext): Promise<SpaceRole | null> {
    return context.loaders.spaceRole.load(space.id);
  }

  @ResolveField(() => Int, {
    description: 'How many of its threads have activity by others since you last read them (as `whatsNew` counts).',
  })
  unreadCount(@Parent() space: Space, @Context() context: GraphQLContext): Promise<number> {
    return context.loaders.spaceNewThreads.load(space.id);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  owner(@Parent() space: Space, @Context() context: GraphQLContext): Promise<Organization | null> {
    return context.loaders.organization.load(space.ownerOrganizationId);
  }

  @ResolveField(() => [SpaceMemberModel])
  members(@Parent() space: Space): Promise<SpaceMember[]> {
    return this.spaceService.membersOf(space.id);
  }

  @ResolveField(() => ThreadConnection, { description: 'Pinned first, then by last activity.' })
  async threads(
    @CurrentActor() actor: AuthenticatedActor,
    @Parent() space: Space,
    @Context() context: GraphQLContext,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: ThreadFilterInput,
  ): Promise<DomainConnection<Thread>> {
    const role = await context.loaders.spaceRole.load(space.id);
    context.loaders.space.prime(space.id, space);
    return this.threadService.inSpace(actor, { space, role }, filter ?? {}, page);
  }
}

@Resolver(() => SpaceMemberModel)
export class SpaceMemberResolver {
  @ResolveField(() => UserModel, { nullable: true })
  user(@Parent() member: SpaceMember, @Context() context: GraphQLContext): Promise<User | null> | null {
    return member.userId ? context.loaders.user.load(member.userId) : null;
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  organization(@Parent() member: SpaceMember, @Context() context: GraphQLContext): Promise<Organization | null> | null {
    return member.organizationId ? context.loaders.organization.load(member.organizationId) : null;
  }
}
