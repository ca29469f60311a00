import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { InvalidInputError } from '@majlis/kernel';
import { CommentService, SubjectType } from '@majlis/discussions';
import type { AuthenticatedActor, User } from '@majlis/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { GraphQLContext } from '../graphql-context';
import { UserModel } from '../identity/identity.models';

@Resolver()
export class MentionableResolver {
  constructor(private readonly comments: CommentService) {}

  @Query(() => [UserModel], {
    description:
      'People you can mention in a reply under a thread, an annotation or a contribution (give exactly one): only ' +
      'those who can read it, whose name or a word of it starts with `prefix` (case-insensitive, a leading "@" ' +
      'ignored), by name. Insert the chosen person as `@[Display name](user:<id>)`: see PostCommentInput.body.',
  })
  async mentionable(
    @CurrentActor() actor: AuthenticatedActor,
    @Context() context: GraphQLContext,
    @Args('prefix', { type: () => String, defaultValue: '' }) prefix: string,
    @Args('threadId', { type: () => ID, nullable: true }) threadId?: string | null,
    @Args('annotationId', { type: () => ID, nullable: true }) annotationId?: string | null,
    @Args('contributionId', { type: () => ID, nullable: true }) contributionId?: string | null,
    @Args('first', { type: () => Int, defaultValue: 10, description: 'At most 50.' }) first = 10,
  ): Promise<User[]> {
    const subjects = (
      [
        ['THREAD', threadId],
        ['ANNOTATION', annotationId],
        ['CONTRIBUTION', contributionId],
      ] as [SubjectType, string | null | undefined][]
    ).flatMap(([type, id]) => (id ? [[type, id] as const] : []));
    if (subjects.length !== 1)
      throw InvalidInputError.field('threadId', 'give exactly one of threadId, annotationId and contributionId');
    const [[type, id]] = subjects;
    const ids = await this.comments.mentionable(actor, type, id, prefix, first);
    const users = await context.loaders.user.loadMany(ids);
    return users.filter((user): user is User => !!user && !(user instanceof Error));
  }
}
