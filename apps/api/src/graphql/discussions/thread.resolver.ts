import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection as DomainConnection } from '@majlis/kernel';
import { Comment, CommentService, Space, Thread, ThreadService } from '@majlis/discussions';
import { ModerationService } from '@majlis/moderation';
import type { AuthenticatedActor } from '@majlis/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { PageArgs } from '../common/page.args';
import type { GraphQLContext } from '../graphql-context';
import { CommentConnection } from './discussions.models';
import {
  CreateThreadInput,
  EditThreadInput,
  SetThreadFlagInput,
  SetThreadLockedInput,
  ThreadIdInput,
} from './spaces.inputs';
import { CitationModel, SpaceModel, ThreadModel, ThreadPayload } from './spaces.models';

@Resolver(() => ThreadModel)
export class ThreadResolver {
  constructor(
    private readonly threads: ThreadService,
    private readonly comments: CommentService,
    private readonly moderationService: ModerationService,
  ) {}

  @Query(() => ThreadModel, { description: 'A thread; NOT_FOUND when its space is not yours to read.' })
  async thread(@CurrentActor() actor: AuthenticatedActor, @Args('id', { type: () => ID }) id: string): Promise<Thread> {
    return (await this.threads.get(actor, id)).thread;
  }

  @Mutation(() => ThreadPayload)
  async createThread(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: CreateThreadInput) {
    return { thread: await this.threads.create(actor, input) };
  }

  @Mutation(() => ThreadPayload, { description: 'The author edits; a stale version answers CONFLICT.' })
  async editThread(@CurrentActor() actor: AuthenticatedActor, @Args('input') { id, ...changes }: EditThreadInput) {
    return { thread: await this.threads.edit(actor, id, changes) };
  }

  @Mutation(() => ThreadPayload, { description: 'The author deletes; a thread with replies stays as a tombstone.' })
  async deleteThread(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: ThreadIdInput) {
    return { thread: await this.threads.delete(actor, input.id) };
  }

  @Mutation(() => ThreadPayload, { description: 'Space moderators: pinned threads come first.' })
  async setThreadPinned(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: SetThreadFlagInput) {
    return { thread: await this.threads.moderate(actor, input.id, { pinned: input.value }) };
  }

  @Mutation(() => ThreadPayload, {
    description:
      'Space moderators: a locked thread takes no new replies. The moderation queue’s LOCK / UNLOCK action (same rule, same log entry).',
  })
  async setThreadLocked(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: SetThreadLockedInput) {
    // The moderation queue's LOCK / UNLOCK: one mechanism (policy, moderation log, events); then the thread as read.
    await this.moderationService.setThreadLocked(actor, input.id, input.value, input.reason);
    return { thread: (await this.threads.get(actor, input.id)).thread };
  }

  @Mutation(() => ThreadPayload, { description: 'Marks the thread read up to now.' })
  async markThreadRead(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: ThreadIdInput) {
    return { thread: await this.threads.markRead(actor, input.id) };
  }

  @ResolveField(() => SpaceModel)
  space(@Parent() thread: Thread, @Context() context: GraphQLContext): Promise<Space | null> {
    return context.loaders.space.load(thread.spaceId);
  }

  @ResolveField(() => CitationModel, { nullable: true })
  citation(@Parent() thread: Thread): CitationModel | null {
    return thread.documentId && thread.versionId && thread.sectionKey
      ? { documentId: thread.documentId, versionId: thread.versionId, sectionKey: thread.sectionKey }
      : null;
  }

  @ResolveField(() => CommentConnection, { description: 'The replies, oldest first.' })
  replies(
    @CurrentActor() actor: AuthenticatedActor,
    @Parent() thread: Thread,
    @Args() page: PageArgs,
  ): Promise<DomainConnection<Comment>> {
    return this.comments.conversation(actor, 'THREAD', thread.id, page);
  }
}
