import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection as DomainConnection } from '@majlis/kernel';
import {
  Consultation,
  ConsultationQuestion,
  ConsultationService,
  Contribution,
  ContributionChange,
  ContributionService,
  FederationRemarksService,
  MemberContribution,
  MemberContributionsService,
  Remark,
  ResultsService,
  answerViews,
} from '@majlis/consultations';
import { Document } from '@majlis/documents';
import { DocumentModel } from '../documents/documents.models';
import { SpaceModel } from '../discussions/spaces.models';
import { CommentConnection } from '../discussions/discussions.models';
import { Comment, CommentService } from '@majlis/discussions';
import type { AuthenticatedActor, Organization, User } from '@majlis/identity';
import { OrganizationModel, UserModel } from '../identity/identity.models';
import { ReceivedAt } from '../auth/received-at.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { PageArgs } from '../common/page.args';
import type { GraphQLContext } from '../graphql-context';
import { ConsultationStateEnum, ResultsUnavailableReasonEnum } from './consultations.enums';
import {
  AddContributionRemarkInput,
  CloseConsultationInput,
  ConsultationIdInput,
  CreateConsultationInput,
  ExtendConsultationInput,
  JoinConsultationInput,
  SaveContributionInput,
  UpdateConsultationInput,
  WriteSynthesisInput,
} from './consultations.inputs';
import {
  AnswerModel,
  ConsultationConnection,
  ConsultationModel,
  ConsultationResultsModel,
  ContributionChangeModel,
  ContributionModel,
  MemberContributionConnection,
  MemberContributionModel,
  QuestionModel,
  ReceiptCheckModel,
  ReceiptModel,
  RemarkModel,
} from './consultations.models';
import {
  ConsultationPayload,
  ContributionPayload,
  RemarkPayload,
  SubmitContributionPayload,
} from './consultations.payloads';
import { UrgentLane } from '../urgent-lane';

@Resolver(() => ConsultationModel)
export class ConsultationResolver {
  constructor(
    private readonly consultationService: ConsultationService,
    private readonly contributions: ContributionService,
    private readonly resultsService: ResultsService,
    private readonly remarks: FederationRemarksService,
    private readonly memberContributions: MemberContributionsService,
  ) {}

  @Query(() => ConsultationModel)
  consultation(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Consultation> {
    return this.consultationService.get(actor, id);
  }

  @Query(() => ConsultationConnection, {
    description: 'Published consultations (and drafts, for moderators), latest deadline first.',
  })
  consultations(
    @CurrentActor() actor: AuthenticatedActor,
    @Args() page: PageArgs,
  ): Promise<DomainConnection<Consultation>> {
    return this.consultationService.list(actor, page);
  }

  @Query(() => ContributionModel, { description: 'Your organisation’s contribution (members only).' })
  contribution(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('consultationId', { type: () => ID }) consultationId: string,
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ): Promise<Contribution> {
    return this.contributions.get(actor, consultationId, organizationId);
  }

  @Query(() => MemberContributionConnection, {
    description:
      'For a federation’s people (representatives and members): what its member companies submitted to this consultation, by company name. A company shares its latest submission, never its draft, and nothing once CONFIDENTIAL. NOT_FOUND unless you belong to that federation.',
  })
  federationMemberContributions(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('consultationId', { type: () => ID }) consultationId: string,
    @Args('federationId', { type: () => ID }) federationId: string,
    @Args() page: PageArgs,
  ): Promise<DomainConnection<MemberContribution>> {
    return this.memberContributions.list(actor, consultationId, federationId, page);
  }

  @Public()
  @Query(() => ReceiptCheckModel, { description: 'Checks a receipt: anyone holding it can verify what was received.' })
  verifyReceipt(@Args('trackingNumber') trackingNumber: string, @Args('digest') digest: string) {
    return this.contributions.verifyReceipt(trackingNumber, digest);
  }

  @Mutation(() => ConsultationPayload, { description: 'Moderators: a new consultation, in DRAFT, with its questions.' })
  async createConsultation(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: CreateConsultationInput) {
    return { consultation: await this.consultationService.create(actor, input) };
  }

  @Mutation(() => ConsultationPayload, { description: 'Moderators: edits a draft; a stale version answers CONFLICT.' })
  async updateConsultation(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') { id, ...changes }: UpdateConsultationInput,
  ) {
    return { consultation: await this.consultationService.updateDraft(actor, id, changes) };
  }

  @Mutation(() => ConsultationPayload, {
    description: 'Moderators: publishes a draft; it opens at opensAt (questions frozen).',
  })
  async publishConsultation(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: ConsultationIdInput) {
    return { consultation: await this.consultationService.publish(actor, input.id) };
  }

  @Mutation(() => ConsultationPayload, { description: 'Moderators: opens a scheduled consultation now.' })
  async openConsultationNow(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: ConsultationIdInput) {
    return { consultation: await this.consultationService.openNow(actor, input.id) };
  }

  @Mutation(() => ConsultationPayload, {
    description: 'Moderators: moves the deadline later (logged; a closed consultation re-opens).',
  })
  async extendConsultation(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: ExtendConsultationInput) {
    return { consultation: await this.consultationService.extend(actor, input.id, input.closesAt, input.reason) };
  }

  @Mutation(() => ConsultationPayload, {
    description: 'Moderators: closes an open consultation now (logged, with why).',
  })
  async closeConsultation(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: CloseConsultationInput) {
    return { consultation: await this.consultationService.closeNow(actor, input.id, input.reason) };
  }

  @Mutation(() => ConsultationPayload, {
    description: 'Moderators: the synthesis and a response per question, shown with the results.',
  })
  async writeConsultationSynthesis(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') { id, ...synthesis }: WriteSynthesisInput,
  ) {
    return { consultation: await this.consultationService.writeSynthesis(actor, id, synthesis) };
  }

  @Mutation(() => ConsultationPayload, { description: 'Moderators: publishes the results of a closed consultation.' })
  async publishConsultationResults(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: ConsultationIdInput,
  ) {
    return { consultation: await this.consultationService.publishResults(actor, input.id) };
  }

  @Mutation(() => ContributionPayload, {
    description: 'A representative joins for their organisation, which gets a draft contribution.',
  })
  async joinConsultation(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: JoinConsultationInput) {
    await this.consultationService.join(actor, input.consultationId, input.organizationId);
    return { contribution: await this.contributions.get(actor, input.consultationId, input.organizationId) };
  }

  @Mutation(() => ContributionPayload, {
    description:
      'Members save answers to the draft; a stale version answers CONFLICT. As for a submission, the deadline judges when the server received the request: a save received before `closesAt` is kept even if processed after it; one received at or after `closesAt` is refused (DEADLINE_PASSED).',
  })
  async saveContribution(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') { consultationId, organizationId, ...changes }: SaveContributionInput,
    @ReceivedAt() receivedAt: Date | undefined,
  ) {
    return {
      contribution: await this.contributions.save(actor, consultationId, organizationId, changes, receivedAt),
    };
  }

  @Mutation(() => RemarkPayload, {
    description:
      'A member company adds a remark to its federation’s draft position. Judged by when the server received it, as a save is.',
  })
  async addContributionRemark(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: AddContributionRemarkInput,
    @ReceivedAt() receivedAt: Date | undefined,
  ) {
    const { consultationId, federationId, organizationId, body } = input;
    return { remark: await this.remarks.add(actor, consultationId, federationId, organizationId, body, receivedAt) };
  }

  @Mutation(() => SubmitContributionPayload, {
    description:
      'A representative submits before the deadline; retrying returns the same receipt. The deadline judges when the server received the request (stamped on arrival, before any queueing), not when it was processed: a submission received before `closesAt` is accepted even if processed after it, one received at or after `closesAt` is refused (DEADLINE_PASSED). The receipt shows both times. A request whose body arrives more than a few seconds after its headers is refused (HTTP 408, REQUEST_TIMEOUT).',
  })
  @UrgentLane()
  async submitContribution(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: JoinConsultationInput,
    @ReceivedAt() receivedAt: Date | undefined,
  ) {
    const submitted = await this.contributions.submit(actor, input.consultationId, input.organizationId, receivedAt);
    return {
      ...submitted,
      consultationClosed:
        submitted.consultationState === 'CLOSED' || submitted.consultationState === 'RESULTS_PUBLISHED',
    };
  }

  @ResolveField(() => ConsultationStateEnum)
  state(@Parent() consultation: Consultation): string {
    return this.consultationService.stateOf(consultation);
  }

  @ResolveField(() => ConsultationResultsModel, {
    nullable: true,
    description:
      'Results from each organisation’s latest submission: moderators live, everyone once published. Null when you cannot read them yet: `resultsUnavailableReason` says why (the rest of the consultation still answers).',
  })
  results(@CurrentActor() actor: AuthenticatedActor, @Parent() consultation: Consultation) {
    if (this.resultsService.unavailableReason(actor, consultation)) return null;
    return this.resultsService.results(actor, consultation.id);
  }

  @ResolveField(() => ResultsUnavailableReasonEnum, {
    nullable: true,
    description: 'Why `results` is null for you; null when you can read them.',
  })
  resultsUnavailableReason(@CurrentActor() actor: AuthenticatedActor, @Parent() consultation: Consultation) {
    return this.resultsService.unavailableReason(actor, consultation);
  }

  @ResolveField(() => [DocumentModel], {
    description: 'The documents this consultation is about, as far as you may read them (draft documents stay hidden).',
  })
  documents(@CurrentActor() actor: AuthenticatedActor, @Parent() consultation: Consultation): Promise<Document[]> {
    return this.consultationService.linkedDocuments(actor, consultation);
  }

  @ResolveField(() => SpaceModel, {
    nullable: true,
    description: 'Its discussion space: participants post, everyone signed in reads.',
  })
  space(@Parent() consultation: Consultation, @Context() context: GraphQLContext) {
    return consultation.spaceId ? context.loaders.space.load(consultation.spaceId) : null;
  }

  @ResolveField(() => [QuestionModel])
  async questions(
    @Parent() consultation: Consultation,
    @Context() context: GraphQLContext,
  ): Promise<ConsultationQuestion[]> {
    return context.loaders.questionsOfConsultation.load(consultation.id);
  }
}

@Resolver(() => ContributionModel)
export class ContributionResolver {
  constructor(
    private readonly contributions: ContributionService,
    private readonly remarks: FederationRemarksService,
    private readonly commentService: CommentService,
  ) {}

  @ResolveField(() => [RemarkModel], { description: 'For a federation: its member companies’ remarks on the draft.' })
  remarksFromMembers(@CurrentActor() actor: AuthenticatedActor, @Parent() contribution: Contribution) {
    return this.remarks.of(actor, contribution);
  }

  @ResolveField(() => [String], {
    description: 'For a federation: the member organisations its latest submission lists as contributors.',
  })
  async contributors(@Parent() contribution: Contribution): Promise<string[]> {
    const latest = await this.contributions.latestReceipt(contribution.id);
    return latest ? ((JSON.parse(latest.canonical) as { contributors?: string[] }).contributors ?? []) : [];
  }

  @ResolveField(() => [AnswerModel], {
    description: 'The answers in the order of the questions, each in the field it was given in.',
  })
  async answers(@Parent() contribution: Contribution, @Context() context: GraphQLContext): Promise<AnswerModel[]> {
    const questions = await context.loaders.questionsOfConsultation.load(contribution.consultationId);
    return answerViews(questions, contribution.answers);
  }

  @ResolveField(() => CommentConnection, {
    description: 'The organisation’s internal discussion of its contribution (members only).',
  })
  comments(
    @CurrentActor() actor: AuthenticatedActor,
    @Parent() contribution: Contribution,
    @Args() page: PageArgs,
  ): Promise<DomainConnection<Comment>> {
    return this.commentService.conversation(actor, 'CONTRIBUTION', contribution.id, page);
  }

  @ResolveField(() => [ContributionChangeModel], {
    description:
      'Who changed what and when, newest first: each save and each submission (the latest `first`, at most 100).',
  })
  history(
    @CurrentActor() actor: AuthenticatedActor,
    @Parent() contribution: Contribution,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<ContributionChange[]> {
    return this.contributions.history(actor, contribution, first);
  }

  @ResolveField(() => ReceiptModel, { nullable: true, description: 'The latest submission’s receipt.' })
  latestReceipt(@Parent() contribution: Contribution) {
    return this.contributions.latestReceipt(contribution.id);
  }
}

@Resolver(() => ContributionChangeModel)
export class ContributionChangeResolver {
  @ResolveField(() => UserModel, { nullable: true, description: 'Who made it (null once their account is gone).' })
  by(@Parent() change: ContributionChange, @Context() context: GraphQLContext): Promise<User | null> | null {
    return change.userId ? context.loaders.user.load(change.userId) : null;
  }
}

@Resolver(() => MemberContributionModel)
export class MemberContributionResolver {
  @ResolveField(() => OrganizationModel, {
    nullable: true,
    description: 'The member company (null when not visible to you).',
  })
  organization(
    @Parent() contribution: MemberContribution,
    @Context() context: GraphQLContext,
  ): Promise<Organization | null> {
    return context.loaders.organization.load(contribution.organizationId);
  }

  @ResolveField(() => [AnswerModel], { description: 'The answers as submitted, in the order of the questions.' })
  async answers(
    @Parent() contribution: MemberContribution,
    @Context() context: GraphQLContext,
  ): Promise<AnswerModel[]> {
    const questions = await context.loaders.questionsOfConsultation.load(contribution.consultationId);
    return answerViews(questions, contribution.answers);
  }
}

@Resolver(() => RemarkModel)
export class RemarkResolver {
  @ResolveField(() => OrganizationModel, {
    nullable: true,
    description: 'The member company that made the remark (null when not visible to you).',
  })
  organization(@Parent() remark: Remark, @Context() context: GraphQLContext): Promise<Organization | null> {
    return context.loaders.organization.load(remark.organizationId);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Who wrote it (null once their account is gone).' })
  author(@Parent() remark: Remark, @Context() context: GraphQLContext): Promise<User | null> {
    return context.loaders.user.load(remark.authorId);
  }
}

@Resolver(() => QuestionModel)
export class QuestionResolver {
  @ResolveField(() => Int, {
    nullable: true,
    description: 'The number of the version whose article the question cites (open it at `sectionKey`).',
  })
  async versionNumber(@Parent() question: ConsultationQuestion, @Context() context: GraphQLContext) {
    return question.versionId ? ((await context.loaders.versionById.load(question.versionId))?.number ?? null) : null;
  }
}
