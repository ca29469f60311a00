import DataLoader from 'dataloader';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { markdownExcerpt, renderMarkdown } from '@majlis/kernel';
import type { Connection as DomainConnection } from '@majlis/kernel';
import { Comment, CommentService } from '@majlis/discussions';
import {
  AnchoredAnnotation,
  Annotation,
  AnnotationAnchor,
  AnnotationAnswer,
  AnnotationRevision,
  AnnotationService,
  DocumentVersion,
  annotationPreloads,
} from '@majlis/documents';
import type { AuthenticatedActor, Organization, User } from '@majlis/identity';
import { REDACTED, Redaction } from '@majlis/moderation';
import { CurrentActor, OptionalActor } from '../auth/current-actor.decorator';
import { ModerationStateModel } from '../moderation/moderation.models';
import { PageArgs } from '../common/page.args';
import { CommentConnection } from '../discussions/discussions.models';
import type { GraphQLContext } from '../graphql-context';
import { OrganizationModel, UserModel } from '../identity/identity.models';
import {
  AnnotationIdInput,
  AnswerAnnotationInput,
  CreateAnnotationInput,
  UpdateAnnotationInput,
} from './documents.inputs';
import {
  AnnotationAnchorModel,
  AnnotationAnswerModel,
  AnnotationModel,
  AnnotationRevisionModel,
  DocumentVersionModel,
  TextTargetModel,
} from './documents.models';
import { AnnotationPayload } from './documents.payloads';

@Resolver(() => AnnotationModel)
export class AnnotationResolver {
  /** Per request: the answers of every annotation of a page, in one statement. */
  private readonly answerLoaders = new WeakMap<GraphQLContext, DataLoader<string, AnnotationAnswer[]>>();

  constructor(
    private readonly annotations: AnnotationService,
    private readonly comments: CommentService,
  ) {}

  @Query(() => AnnotationModel, { description: 'One annotation; NOT_FOUND when missing or not visible to you.' })
  annotation(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Annotation> {
    return this.annotations.get(actor, id);
  }

  @Mutation(() => AnnotationPayload, {
    description:
      'Annotates a passage while the document is open for comment, on any published version: made on an older ' +
      'version, it is re-anchored at once onto every later one (`currentAnchor` says where it stands on the latest). ' +
      'The passage is a position or a quote found by the server (see TextTargetInput).',
  })
  async createAnnotation(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: CreateAnnotationInput) {
    return { annotation: await this.annotations.create(actor, input) };
  }

  @Mutation(() => AnnotationPayload, { description: 'The author edits; the previous text is kept in the history.' })
  async updateAnnotation(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') { id, ...changes }: UpdateAnnotationInput,
  ) {
    return { annotation: await this.annotations.update(actor, id, changes) };
  }

  @Mutation(() => AnnotationPayload)
  async deleteAnnotation(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: AnnotationIdInput) {
    return { annotation: await this.annotations.delete(actor, input.id) };
  }

  @Mutation(() => AnnotationPayload, { description: 'Moderators: the ministry’s official answer.' })
  async answerAnnotation(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') { id, ...answer }: AnswerAnnotationInput,
  ) {
    return { annotation: await this.annotations.answer(actor, id, answer) };
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The body as written (Markdown); null once deleted or hidden.',
  })
  async bodyMarkdown(
    @OptionalActor() actor: AuthenticatedActor | null,
    @Parent() annotation: Annotation,
    @Context() context: GraphQLContext,
  ) {
    return (await this.redacted(actor, annotation, context)) ? REDACTED : annotation.body;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The body rendered to safe HTML; null once deleted or hidden.',
  })
  async bodyHtml(
    @OptionalActor() actor: AuthenticatedActor | null,
    @Parent() annotation: Annotation,
    @Context() context: GraphQLContext,
  ) {
    return (await this.redacted(actor, annotation, context)) ? REDACTED : renderMarkdown(annotation.body);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The body’s words as plain text, without Markdown, at most 200 characters (ending with “…” when shortened), ' +
      'for lists; null once deleted or hidden.',
  })
  async bodyExcerpt(
    @OptionalActor() actor: AuthenticatedActor | null,
    @Parent() annotation: Annotation,
    @Context() context: GraphQLContext,
  ) {
    return (await this.redacted(actor, annotation, context)) ? REDACTED : markdownExcerpt(annotation.body, 200);
  }

  @ResolveField(() => String, { nullable: true, description: 'For AMENDING: the proposed replacement text.' })
  async suggestedText(
    @OptionalActor() actor: AuthenticatedActor | null,
    @Parent() annotation: Annotation,
    @Context() context: GraphQLContext,
  ) {
    return (await this.redacted(actor, annotation, context)) ? REDACTED : annotation.suggestedText;
  }

  @ResolveField(() => ModerationStateModel, {
    nullable: true,
    description: 'For its author and moderators: whether moderation hid it, and why.',
  })
  async moderation(
    @OptionalActor() actor: AuthenticatedActor | null,
    @Parent() annotation: Annotation,
    @Context() context: GraphQLContext,
  ) {
    return Redaction.stateFor(
      actor,
      annotation,
      await this.moderationRecord(annotation, context),
      context.loaders.viewerModeratedSpaces,
    );
  }

  @ResolveField(() => Boolean, {
    description: 'Deleted by its author; kept as a tombstone while replies hang under it.',
  })
  isDeleted(@Parent() annotation: Annotation): boolean {
    return annotation.deletedAt !== null;
  }

  @ResolveField(() => [AnnotationRevisionModel], {
    nullable: true,
    description: 'Earlier texts: for the author and moderators.',
  })
  history(
    @CurrentActor() actor: AuthenticatedActor,
    @Parent() annotation: Annotation,
  ): Promise<AnnotationRevision[] | null> {
    return this.annotations.history(actor, annotation);
  }

  @ResolveField(() => TextTargetModel, { description: 'The passage as selected, on the version it was made on.' })
  target(@Parent() annotation: Annotation): TextTargetModel {
    const { exact, prefix, suffix, start, end, sectionKey } = annotation;
    return { exact, prefix, suffix, start, end, sectionKey };
  }

  @ResolveField(() => DocumentVersionModel, { description: 'The version the passage was selected in.' })
  createdOnVersion(
    @Parent() annotation: Annotation,
    @Context() context: GraphQLContext,
  ): Promise<DocumentVersion | null> {
    return context.loaders.versionById.load(annotation.versionId);
  }

  @ResolveField(() => AnnotationAnchorModel, {
    nullable: true,
    description: 'Where it stands on the version it was listed for; null when read on its own.',
  })
  anchor(@Parent() annotation: Annotation | AnchoredAnnotation): AnnotationAnchorModel | null {
    if (!('anchor' in annotation) || !annotation.anchor) return null;
    return anchorModel(annotation.anchor);
  }

  @ResolveField(() => AnnotationAnchorModel, {
    nullable: true,
    description:
      'Where it stands on the document’s latest version (EXACT, MOVED, FUZZY with its score against the original ' +
      'quote, or ORPHANED), whichever version it was made on.',
  })
  async currentAnchor(
    @Parent() annotation: Annotation,
    @Context() context: GraphQLContext,
  ): Promise<AnnotationAnchorModel | null> {
    const anchor = await context.loaders.latestAnchorOfAnnotation.load(annotation.id);
    return anchor ? anchorModel(anchor) : null;
  }

  @ResolveField(() => CommentConnection, { description: 'The conversation under this annotation, oldest first.' })
  replies(
    @CurrentActor() actor: AuthenticatedActor,
    @Parent() annotation: Annotation,
    @Args() page: PageArgs,
  ): Promise<DomainConnection<Comment>> {
    return this.comments.conversation(actor, 'ANNOTATION', annotation.id, page);
  }

  @ResolveField(() => Int)
  replyCount(@Parent() annotation: Annotation, @Context() context: GraphQLContext): number | Promise<number> {
    return annotationPreloads.get(annotation)?.replyCount ?? context.loaders.annotationReplyCount.load(annotation.id);
  }

  @ResolveField(() => Int)
  async endorsementCount(@Parent() annotation: Annotation, @Context() context: GraphQLContext): Promise<number> {
    return (await this.endorsements(annotation, context)).count;
  }

  @ResolveField(() => Boolean)
  async viewerHasEndorsed(@Parent() annotation: Annotation, @Context() context: GraphQLContext): Promise<boolean> {
    return (await this.endorsements(annotation, context)).byViewer;
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Null once deleted or hidden.' })
  async author(
    @OptionalActor() actor: AuthenticatedActor | null,
    @Parent() annotation: Annotation,
    @Context() context: GraphQLContext,
  ): Promise<User | null> {
    if (await this.redacted(actor, annotation, context)) return REDACTED;
    const preloaded = annotationPreloads.get(annotation);
    return preloaded ? preloaded.author : context.loaders.user.load(annotation.authorId);
  }

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'The organisation spoken for, if any.' })
  async organization(
    @OptionalActor() actor: AuthenticatedActor | null,
    @Parent() annotation: Annotation,
    @Context() context: GraphQLContext,
  ): Promise<Organization | null> {
    if (!annotation.organizationId || (await this.redacted(actor, annotation, context))) return null;
    const preloaded = annotationPreloads.get(annotation);
    return preloaded ? preloaded.organization : context.loaders.organization.load(annotation.organizationId);
  }

  private async redacted(
    actor: AuthenticatedActor | null,
    annotation: Annotation,
    context: GraphQLContext,
  ): Promise<boolean> {
    return Redaction.resolve(
      actor,
      annotation,
      await this.moderationRecord(annotation, context),
      context.loaders.viewerModeratedSpaces,
    );
  }

  /** Read with the page when the annotation came in one (AnnotationService's annotationPreloads), else loaded. */
  private moderationRecord(annotation: Annotation, context: GraphQLContext) {
    const preloaded = annotationPreloads.get(annotation);
    return preloaded ? preloaded.moderation : context.loaders.annotationModeration.load(annotation.id);
  }

  private endorsements(annotation: Annotation, context: GraphQLContext) {
    return (
      annotationPreloads.get(annotation)?.endorsements ?? context.loaders.annotationEndorsements.load(annotation.id)
    );
  }

  @ResolveField(() => AnnotationAnswerModel, {
    nullable: true,
    description: 'The ministry’s current official answer (the latest of `answers`), once given.',
  })
  answer(@Parent() annotation: Annotation): AnnotationAnswerModel | null {
    if (!annotation.disposition || !annotation.dispositionAt) return null;
    return {
      disposition: annotation.disposition as AnnotationAnswerModel['disposition'],
      rationale: annotation.dispositionRationale ?? '',
      status: annotation.status as AnnotationAnswerModel['status'],
      answeredAt: annotation.dispositionAt,
      answeredById: annotation.dispositionById ?? '',
    };
  }

  @ResolveField(() => [AnnotationAnswerModel], {
    description:
      'Every official answer given, oldest first: re-answering keeps the earlier ones. The last is `answer`.',
  })
  async answers(
    @Parent() annotation: Annotation,
    @Context() context: GraphQLContext,
  ): Promise<AnnotationAnswerModel[]> {
    let loader = this.answerLoaders.get(context);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const found = await this.annotations.answersOf(ids);
        return ids.map((id) => found.get(id) ?? []);
      });
      this.answerLoaders.set(context, loader);
    }
    return (await loader.load(annotation.id)).map((answer) => ({
      disposition: answer.disposition as AnnotationAnswerModel['disposition'],
      rationale: answer.rationale,
      status: answer.status as AnnotationAnswerModel['status'],
      answeredAt: answer.answeredAt,
      answeredById: answer.answeredById ?? '',
    }));
  }
}

@Resolver(() => AnnotationAnswerModel)
export class AnnotationAnswerResolver {
  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'The moderator who answered for the ministry (null when unknown).',
  })
  answeredBy(@Parent() answer: AnnotationAnswerModel, @Context() context: GraphQLContext): Promise<User | null> | null {
    return answer.answeredById ? context.loaders.user.load(answer.answeredById) : null;
  }
}

function anchorModel(anchor: AnnotationAnchor): AnnotationAnchorModel {
  return {
    status: anchor.status as AnnotationAnchorModel['status'],
    score: anchor.score,
    target:
      anchor.start === null || anchor.end === null
        ? null
        : {
            exact: anchor.exact ?? '',
            prefix: anchor.prefix ?? '',
            suffix: anchor.suffix ?? '',
            start: anchor.start,
            end: anchor.end,
            sectionKey: anchor.sectionKey,
          },
  };
}
