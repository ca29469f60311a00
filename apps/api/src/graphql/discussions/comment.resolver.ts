import { Args, Context, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Comment, CommentRevision, CommentService, EndorsementService } from '@majlis/discussions';
import type { AuthenticatedActor, User } from '@majlis/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { GraphQLContext } from '../graphql-context';
import { UserModel } from '../identity/identity.models';
import { CommentIdInput, EditCommentInput, EndorseInput, PostCommentInput } from './discussions.inputs';
import { CommentModel, CommentPayload, CommentRevisionModel, EndorsementPayload } from './discussions.models';

@Resolver(() => CommentModel)
export class CommentResolver {
  constructor(
    private readonly comments: CommentService,
    private readonly endorsements: EndorsementService,
  ) {}

  @Mutation(() => CommentPayload, { description: 'Replies to an annotation (or to a reply under it).' })
  async postComment(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: PostCommentInput) {
    return { comment: await this.comments.post(actor, input) };
  }

  @Mutation(() => CommentPayload, { description: 'The author edits; the previous text is kept.' })
  async editComment(@CurrentActor() actor: AuthenticatedActor, @Args('input') { id, ...changes }: EditCommentInput) {
    return { comment: await this.comments.edit(actor, id, changes) };
  }

  @Mutation(() => CommentPayload, { description: 'The author deletes; a comment with replies stays as a tombstone.' })
  async deleteComment(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: CommentIdInput) {
    return { comment: await this.comments.delete(actor, input.id) };
  }

  @Mutation(() => EndorsementPayload, {
    description: 'Endorses an annotation or a comment — once each, never your own.',
  })
  async endorse(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: EndorseInput,
  ): Promise<EndorsementPayload> {
    await this.endorsements.endorse(actor, input.subjectType, input.id);
    return this.summary(actor, input);
  }

  @Mutation(() => EndorsementPayload)
  async withdrawEndorsement(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: EndorseInput,
  ): Promise<EndorsementPayload> {
    await this.endorsements.withdraw(actor, input.subjectType, input.id);
    return this.summary(actor, input);
  }

  @ResolveField(() => [UserModel], { description: 'The people it mentions who can read the conversation.' })
  async mentions(@Parent() comment: Comment, @Context() context: GraphQLContext): Promise<User[]> {
    const ids = await context.loaders.commentMentions.load(comment.id);
    return (await context.loaders.user.loadMany(ids)).filter(
      (user): user is User => !!user && !(user instanceof Error),
    );
  }

  @ResolveField(() => [CommentRevisionModel], {
    nullable: true,
    description: 'Earlier texts: for the author and moderators.',
  })
  history(@CurrentActor() actor: AuthenticatedActor, @Parent() comment: Comment): Promise<CommentRevision[] | null> {
    return this.comments.history(actor, comment);
  }

  @ResolveField(() => Int)
  async endorsementCount(@Parent() comment: Comment, @Context() context: GraphQLContext): Promise<number> {
    return (await context.loaders.commentEndorsements.load(comment.id)).count;
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in person endorsed it (for the toggle).' })
  async viewerHasEndorsed(@Parent() comment: Comment, @Context() context: GraphQLContext): Promise<boolean> {
    return (await context.loaders.commentEndorsements.load(comment.id)).byViewer;
  }

  private async summary(actor: AuthenticatedActor, input: EndorseInput): Promise<EndorsementPayload> {
    const summary = (await this.endorsements.summaries(actor, input.subjectType, [input.id])).get(input.id);
    return { id: input.id, endorsementCount: summary?.count ?? 0, viewerHasEndorsed: summary?.byViewer ?? false };
  }
}
