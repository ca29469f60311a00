import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { renderMarkdown } from '@majlis/kernel';
import type { Connection as DomainConnection } from '@majlis/kernel';
import { Comment, CommentService, Space, Thread, ThreadService } from '@majlis/discussions';
import { ModerationService, REDACTED, Redaction } from '@majlis/moderation';
import type { AuthenticatedActor, Organization } from '@majlis/identity';
import { CurrentActor, OptionalActor } from '../auth/current-actor.decorator';
import { ModerationStateModel } from '../moderation/moderation.models';
import { PageArgs } from '../common/page.args';
import type { GraphQLContext } from '../graphql-context';
import { OrganizationModel } from '../identity/identity.models';
import { CommentConnection } from './discussions.models';
import {
  CreateThreadInput,
  EditThreadInput,
  SetThreadFlagInput,
  SetThreadLockedInput,
  ThreadIdInput,
} from './spaces.inputs';
import { CitationModel, SpaceModel, ThreadModel, ThreadPayload } from './spaces.models';
import { threadModerationRecord, threadRedacted } from './thread.fields';

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

  @ResolveField(() => String, { nullable: true })
  async bodyHtml(@Parent() thread: Thread, @Context() context: GraphQLContext) {
    return (await threadRedacted(thread, context)) ? REDACTED : renderMarkdown(thread.body);
  }

  @ResolveField(() => ModerationStateModel, {
    nullable: true,
    description: 'For its author and moderators: whether moderation hid it, and why.',
  })
  async moderation(
    @OptionalActor() actor: AuthenticatedActor | null,
    @Parent() thread: Thread,
    @Context() context: GraphQLContext,
  ) {
    return Redaction.stateFor(
      actor,
      thread,
      await threadModerationRecord(thread, context),
      context.loaders.viewerModeratedSpaces,
    );
  }

  @ResolveField(() => Boolean)
  isDeleted(@Parent() thread: Thread): boolean {
    return thread.deletedAt !== null;
  }

  @ResolveField(() => OrganizationModel, {
    nullable: true,
    description: 'The organisation spoken for, if any; null once deleted or while hidden.',
  })
  async organization(@Parent() thread: Thread, @Context() context: GraphQLContext): Promise<Organization | null> {
    if (!thread.organizationId || (await threadRedacted(thread, context))) return REDACTED;
    return context.loaders.organization.load(thread.organizationId);
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
