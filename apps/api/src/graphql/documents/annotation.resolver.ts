import DataLoader from 'dataloader';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection as DomainConnection } from '@majlis/kernel';
import { Comment, CommentService } from '@majlis/discussions';
import {
  Annotation,
  AnnotationAnswer,
  AnnotationRevision,
  AnnotationService,
  DocumentVersion,
} from '@majlis/documents';
import type { AuthenticatedActor, User } from '@majlis/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { PageArgs } from '../common/page.args';
import { CommentConnection } from '../discussions/discussions.models';
import type { GraphQLContext } from '../graphql-context';
import { UserModel } from '../identity/identity.models';
import { anchorModel } from './annotation.fields';
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

  @ResolveField(() => DocumentVersionModel, { description: 'The version the passage was selected in.' })
  createdOnVersion(
    @Parent() annotation: Annotation,
    @Context() context: GraphQLContext,
  ): Promise<DocumentVersion | null> {
    return context.loaders.versionById.load(annotation.versionId);
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
