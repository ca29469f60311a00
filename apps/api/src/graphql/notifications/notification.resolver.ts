import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedActor } from '@majlis/identity';
import { PasswordResetService } from '@majlis/identity';
import { FollowService, FollowableType, NotificationService } from '@majlis/notifications';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { PageArgs } from '../common/page.args';
import type { GraphQLContext } from '../graphql-context';
import {
  FollowInput,
  FollowPayload,
  FollowableTypeEnum,
  MarkAllNotificationsReadPayload,
  MarkNotificationsReadInput,
  MarkNotificationsReadPayload,
  NotificationConnection,
  NotificationSettingsModel,
  NotificationSettingsPayload,
  RequestPasswordResetInput,
  RequestPasswordResetPayload,
  ResetPasswordInput,
  ResetPasswordPayload,
  SetSpaceNotificationLevelInput,
  SpaceNotificationLevelEnum,
  SpaceNotificationLevelPayload,
  UpdateNotificationSettingsInput,
} from './notification.models';

/** The inbox, following, levels per space and e-mail settings. */
@Resolver()
export class NotificationResolver {
  constructor(
    private readonly inbox: NotificationService,
    private readonly follows: FollowService,
  ) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  async notifications(
    @CurrentActor() actor: AuthenticatedActor,
    @Args() page: PageArgs,
    @Args('unreadOnly', { nullable: true, type: () => Boolean }) unreadOnly?: boolean | null,
  ): Promise<NotificationConnection> {
    return this.inbox.inbox(actor, { ...page, unreadOnly });
  }

  @Query(() => Int, { description: 'How many of your notifications are unread (the bell).' })
  async unreadNotificationCount(@CurrentActor() actor: AuthenticatedActor): Promise<number> {
    return this.inbox.unreadCount(actor);
  }

  @Mutation(() => MarkNotificationsReadPayload)
  async markNotificationsRead(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: MarkNotificationsReadInput,
  ): Promise<MarkNotificationsReadPayload> {
    const notifications = await this.inbox.markRead(actor, input);
    return { notifications, unreadCount: await this.inbox.unreadCount(actor) };
  }

  @Mutation(() => MarkAllNotificationsReadPayload)
  async markAllNotificationsRead(@CurrentActor() actor: AuthenticatedActor): Promise<MarkAllNotificationsReadPayload> {
    const marked = await this.inbox.markAllRead(actor);
    return { marked, unreadCount: await this.inbox.unreadCount(actor) };
  }

  @Query(() => Boolean, { description: 'Whether you follow something (NOT_FOUND when you cannot read it).' })
  async following(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('subjectType', { type: () => FollowableTypeEnum }) subjectType: string,
    @Args('subjectId', { type: () => String }) subjectId: string,
  ): Promise<boolean> {
    return this.follows.isFollowing(actor, { subjectType: subjectType as FollowableType, subjectId });
  }

  @Mutation(() => FollowPayload, { description: 'Follow a document, an article, a thread, a space or a consultation.' })
  async follow(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: FollowInput): Promise<FollowPayload> {
    const following = await this.follows.follow(actor, { ...input, subjectType: input.subjectType as FollowableType });
    return { ...input, following };
  }

  @Mutation(() => FollowPayload)
  async unfollow(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: FollowInput): Promise<FollowPayload> {
    const following = await this.follows.unfollow(actor, {
      ...input,
      subjectType: input.subjectType as FollowableType,
    });
    return { ...input, following };
  }

  @Query(() => SpaceNotificationLevelEnum, { description: 'Your notification level in a space (NORMAL by default).' })
  async spaceNotificationLevel(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('spaceId', { type: () => String }) spaceId: string,
  ): Promise<string> {
    return this.follows.spaceLevel(actor, spaceId);
  }

  @Mutation(() => SpaceNotificationLevelPayload)
  async setSpaceNotificationLevel(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: SetSpaceNotificationLevelInput,
  ): Promise<SpaceNotificationLevelPayload> {
    return { spaceId: input.spaceId, level: await this.follows.setSpaceLevel(actor, input) };
  }

  @Query(() => NotificationSettingsModel)
  async notificationSettings(@CurrentActor() actor: AuthenticatedActor): Promise<NotificationSettingsModel> {
    return this.follows.settings(actor);
  }

  @Mutation(() => NotificationSettingsPayload)
  async updateNotificationSettings(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: UpdateNotificationSettingsInput,
  ): Promise<NotificationSettingsPayload> {
    return { settings: await this.follows.updateSettings(actor, input) };
  }
}

/** Password reset by e-mail: asking for a link (anonymous, same answer for every address) and using it. */
@Resolver()
export class PasswordResetResolver {
  constructor(private readonly resets: PasswordResetService) {}

  @Public()
  @Mutation(() => RequestPasswordResetPayload, {
    description:
      'E-mails a single-use reset link if the address has an account; answers the same either way (RATE_LIMITED past a few requests per hour, for any address).',
  })
  async requestPasswordReset(
    @Args('input') input: RequestPasswordResetInput,
    @Context() context: GraphQLContext,
  ): Promise<RequestPasswordResetPayload> {
    await this.resets.request(input, context.req.ip ?? null);
    return { requested: true };
  }

  @Public()
  @Mutation(() => ResetPasswordPayload, {
    description: 'Sets a new password with the token of a reset link (single use, expires); ends every session.',
  })
  async resetPassword(@Args('input') input: ResetPasswordInput): Promise<ResetPasswordPayload> {
    await this.resets.reset(input);
    return { reset: true };
  }
}
