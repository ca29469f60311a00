import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { pageWindow } from '@majlis/kernel';
import type { Connection as DomainConnection } from '@majlis/kernel';
import { AuthenticatedActor, Membership, MembershipService, Organization, OrganizationService } from '@majlis/identity';
import { PageArgs } from '../common/page.args';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { GraphQLContext } from '../graphql-context';
import {
  CreateOrganizationInput,
  FederationMemberInput,
  OrganizationFilter,
  OrganizationIdInput,
  UpdateOrganizationInput,
} from './identity.inputs';
import { MembershipConnection, OrganizationConnection, OrganizationModel } from './identity.models';
import { FederationMemberPayload, OrganizationPayload } from './identity.payloads';

@Resolver(() => OrganizationModel)
export class OrganizationResolver {
  constructor(
    private readonly organizationService: OrganizationService,
    private readonly memberships: MembershipService,
  ) {}

  @Query(() => OrganizationModel, {
    description: 'One organisation; NOT_FOUND when it does not exist or is not visible.',
  })
  organization(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Organization> {
    return this.organizationService.get(actor, id);
  }

  @Query(() => OrganizationConnection, {
    description: 'Organisations by name, filtered by kind, name or verification.',
  })
  organizations(
    @CurrentActor() actor: AuthenticatedActor,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: OrganizationFilter,
  ): Promise<DomainConnection<Organization>> {
    return this.organizationService.list(actor, filter ?? {}, page);
  }

  @Mutation(() => OrganizationPayload)
  async createOrganization(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: CreateOrganizationInput,
  ): Promise<{ organization: Organization }> {
    return { organization: await this.organizationService.create(actor, input) };
  }

  @Mutation(() => OrganizationPayload)
  async updateOrganization(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') { id, ...changes }: UpdateOrganizationInput,
  ): Promise<{ organization: Organization }> {
    return { organization: await this.organizationService.update(actor, id, changes) };
  }

  @Mutation(() => OrganizationPayload, { description: 'The ministry confirms that an organisation is who it says.' })
  async verifyOrganization(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: OrganizationIdInput,
  ): Promise<{ organization: Organization }> {
    return { organization: await this.organizationService.verify(actor, input.id) };
  }

  @Mutation(() => FederationMemberPayload, { description: 'A company or institution joins a federation.' })
  async addFederationMember(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: FederationMemberInput,
  ): Promise<{ federation: Organization; organization: Organization }> {
    await this.organizationService.affiliate(actor, input.federationId, input.organizationId);
    return this.federationPair(actor, input);
  }

  @Mutation(() => FederationMemberPayload, { description: 'A company or institution leaves a federation.' })
  async removeFederationMember(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: FederationMemberInput,
  ): Promise<{ federation: Organization; organization: Organization }> {
    const pair = await this.federationPair(actor, input);
    await this.organizationService.disaffiliate(actor, input.federationId, input.organizationId);
    return pair;
  }

  @ResolveField(() => Boolean)
  verified(@Parent() organization: Organization): boolean {
    return organization.verifiedAt !== null;
  }

  @ResolveField(() => MembershipConnection, { description: 'The people of this organisation.' })
  members(
    @CurrentActor() actor: AuthenticatedActor,
    @Parent() organization: Organization,
    @Args() page: PageArgs,
    @Context() context: GraphQLContext,
  ): Promise<DomainConnection<Membership>> {
    // First pages are batched across the organisations of a list (the parent was found visible); later pages are read one by one.
    if (!page.after) return context.loaders.firstMembers.load(`${organization.id}:${pageWindow(page).limit}`);
    return this.memberships.membersOf(actor, organization, page);
  }

  @ResolveField(() => [OrganizationModel], { description: 'The federations this organisation belongs to.' })
  federations(@Parent() organization: Organization, @Context() context: GraphQLContext): Promise<Organization[]> {
    return context.loaders.federationsOf.load(organization.id);
  }

  @ResolveField(() => OrganizationConnection, {
    description: 'For a federation: its member companies and institutions.',
  })
  memberOrganizations(
    @CurrentActor() actor: AuthenticatedActor,
    @Parent() organization: Organization,
    @Args() page: PageArgs,
  ): Promise<DomainConnection<Organization>> {
    return this.organizationService.affiliatedOrganizations(actor, organization, page);
  }

  private async federationPair(actor: AuthenticatedActor, input: FederationMemberInput) {
    return {
      federation: await this.organizationService.get(actor, input.federationId, 'federationId'),
      organization: await this.organizationService.get(actor, input.organizationId, 'organizationId'),
    };
  }
}
