import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection as DomainConnection } from '@majlis/kernel';
import { LogFilter, LoggedAction, ModerationService, QueueItem, Report, ReportService } from '@majlis/moderation';
import type { AuthenticatedActor, User } from '@majlis/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { PageArgs } from '../common/page.args';
import type { GraphQLContext } from '../graphql-context';
import { UserModel } from '../identity/identity.models';
import { UserPayload } from '../identity/identity.payloads';
import {
  ModerateContentInput,
  ModerateUserInput,
  ModerationLogFilter,
  ModerationQueueFilter,
  ReportContentInput,
} from './moderation.inputs';
import {
  ModerationActionModel,
  ModerationLogConnection,
  ModerationQueueConnection,
  QueueItemModel,
  ReportModel,
} from './moderation.models';
import { ModerateContentPayload, ReportPayload } from './moderation.payloads';

@Resolver()
export class ModerationResolver {
  constructor(
    private readonly reports: ReportService,
    private readonly moderation: ModerationService,
  ) {}

  @Mutation(() => ReportPayload, {
    description: 'Reports content you can see — once; others’ reports stay unknown to you.',
  })
  async reportContent(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: ReportContentInput,
  ): Promise<ReportPayload> {
    return { reported: true, report: await this.reports.report(actor, input) };
  }

  @Query(() => ReportModel, {
    description:
      'One of your reports: its status, and its outcome (HIDDEN, KEPT, RESTORED) once a moderator acted. ' +
      'NOT_FOUND for anyone but its reporter.',
  })
  report(@CurrentActor() actor: AuthenticatedActor, @Args('id', { type: () => ID }) id: string): Promise<Report> {
    return this.reports.get(actor, id);
  }

  @Query(() => ModerationQueueConnection, { description: 'Moderators: open reports grouped by content, oldest first.' })
  moderationQueue(
    @CurrentActor() actor: AuthenticatedActor,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: ModerationQueueFilter,
  ): Promise<DomainConnection<QueueItem>> {
    return this.moderation.queue(actor, filter ?? {}, page);
  }

  @Mutation(() => ModerateContentPayload, { description: 'Moderators: HIDE, RESTORE, KEEP, LOCK or UNLOCK; logged.' })
  async moderateContent(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: ModerateContentInput,
  ): Promise<ModerateContentPayload> {
    const { version, ...state } = await this.moderation.actOnContent(actor, input);
    return { state, version };
  }

  @Mutation(() => UserPayload, {
    description: 'Platform moderators: SUSPEND (for a period or indefinitely) or REINSTATE; logged.',
  })
  async moderateUser(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: ModerateUserInput) {
    return { user: await this.moderation.actOnUser(actor, input) };
  }

  @Query(() => ModerationLogConnection, {
    description: 'Platform moderators: the append-only moderation log, newest first.',
  })
  moderationLog(
    @CurrentActor() actor: AuthenticatedActor,
    @Args() page: PageArgs,
    @Args('filter', { nullable: true }) filter?: ModerationLogFilter,
  ): Promise<DomainConnection<LoggedAction>> {
    return this.moderation.history(actor, (filter ?? {}) as LogFilter, page);
  }
}

@Resolver(() => ModerationActionModel)
export class ModerationActionResolver {
  @ResolveField(() => UserModel, { nullable: true, description: 'Null for automatic hiding.' })
  moderator(@Parent() action: LoggedAction, @Context() context: GraphQLContext): Promise<User | null> | null {
    return action.moderatorId ? context.loaders.user.load(action.moderatorId) : null;
  }

  @ResolveField(() => UserModel, { nullable: true })
  targetUser(@Parent() action: LoggedAction, @Context() context: GraphQLContext): Promise<User | null> | null {
    return action.targetUserId ? context.loaders.user.load(action.targetUserId) : null;
  }
}

@Resolver(() => QueueItemModel)
export class ModerationQueueItemResolver {
  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Who wrote it (for SUSPEND); null when the account is gone.',
  })
  author(@Parent() item: QueueItem, @Context() context: GraphQLContext): Promise<User | null> | null {
    return item.authorId ? context.loaders.user.load(item.authorId) : null;
  }
}
