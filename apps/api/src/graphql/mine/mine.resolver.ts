import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection as DomainConnection } from '@majlis/kernel';
import { Annotation, AnnotationService } from '@majlis/documents';
import { Thread, ThreadService } from '@majlis/discussions';
import {
  Consultation,
  ConsultationService,
  Contribution,
  ContributionWithConsultation,
  MyConsultationsService,
} from '@majlis/consultations';
import { Report, ReportService } from '@majlis/moderation';
import type { AuthenticatedActor, Organization } from '@majlis/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { PageArgs } from '../common/page.args';
import { ConsultationConnection, ConsultationModel, ContributionModel } from '../consultations/consultations.models';
import { ThreadConnection } from '../discussions/spaces.models';
import { AnnotationConnection } from '../documents/documents.models';
import type { GraphQLContext } from '../graphql-context';
import { OrganizationModel } from '../identity/identity.models';
import {
  ContributionConnection,
  MyAnnotationsFilter,
  MyConsultationsFilter,
  MyContributionsFilter,
  MyReportsFilter,
  MyThreadsFilter,
  ReportConnection,
} from './mine.models';

/**
 * "Mine": what the signed-in person wrote, reported, and what their organisations contribute to. Top-level queries
 * named `my…`, like `whatsNew`; each a connection with filters, under the same policies as everywhere else.
 */
@Resolver()
export class MineResolver {
  constructor(
    private readonly annotations: AnnotationService,
    private readonly threads: ThreadService,
    private readonly consultations: MyConsultationsService,
    private readonly reports: ReportService,
  ) {}

  @Query(() => AnnotationConnection, {
    description:
      'Your annotations, newest first, on the documents you can read (deleted ones are gone; hidden ones stay ' +
      'visible to you, with their `moderation` state).',
  })
  myAnnotations(
    @CurrentActor() actor: AuthenticatedActor,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: MyAnnotationsFilter,
  ): Promise<DomainConnection<Annotation>> {
    return this.annotations.mine(actor, filter ?? {}, page);
  }

  @Query(() => ThreadConnection, {
    description:
      'Your threads, most recently active first, in the spaces you can read (hidden ones stay visible to you).',
  })
  myThreads(
    @CurrentActor() actor: AuthenticatedActor,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: MyThreadsFilter,
  ): Promise<DomainConnection<Thread>> {
    return this.threads.mine(actor, filter ?? {}, page);
  }

  @Query(() => ContributionConnection, {
    description: 'Your organisations’ contributions (drafts and submitted), most recently updated first.',
  })
  myContributions(
    @CurrentActor() actor: AuthenticatedActor,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: MyContributionsFilter,
  ): Promise<DomainConnection<ContributionWithConsultation>> {
    return this.consultations.contributions(actor, filter ?? {}, page);
  }

  @Query(() => ConsultationConnection, {
    description: 'The consultations your organisations joined, latest deadline first.',
  })
  myConsultations(
    @CurrentActor() actor: AuthenticatedActor,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: MyConsultationsFilter,
  ): Promise<DomainConnection<Consultation>> {
    return this.consultations.joined(actor, filter ?? {}, page);
  }

  @Query(() => ReportConnection, {
    description: 'The reports you made, newest first, with their status (OPEN until a moderator acts, then CLOSED).',
  })
  myReports(
    @CurrentActor() actor: AuthenticatedActor,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: MyReportsFilter,
  ): Promise<DomainConnection<Report>> {
    return this.reports.mine(actor, filter ?? {}, page);
  }
}

/** Where a contribution belongs: its consultation (read with it in lists) and its organisation. */
@Resolver(() => ContributionModel)
export class ContributionPlaceResolver {
  constructor(private readonly consultations: ConsultationService) {}

  @ResolveField(() => ConsultationModel)
  consultation(
    @CurrentActor() actor: AuthenticatedActor,
    @Parent() contribution: Contribution & { consultation?: Consultation },
  ): Consultation | Promise<Consultation> {
    return contribution.consultation ?? this.consultations.get(actor, contribution.consultationId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'Null when not visible to you.' })
  organization(@Parent() contribution: Contribution, @Context() context: GraphQLContext): Promise<Organization | null> {
    return context.loaders.organization.load(contribution.organizationId);
  }
}
