import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { DomainEvent, InvalidInputError } from '@majlis/kernel';
import type { AuthenticatedActor } from '@majlis/identity';
import { DocumentService } from '@majlis/documents';
import { SpaceService, ThreadService } from '@majlis/discussions';
import { ConsultationService } from '@majlis/consultations';
import { ModerationService } from '@majlis/moderation';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { GraphQLContext } from '../graphql-context';
import { EventBus, EventScope } from '../../live/event-bus';
import { LiveAccess } from '../../live/live-access';
import { LiveFanout } from '../../live/live-fanout';
import { LiveStream } from '../../live/live-stream';
import { LiveEventModel } from './live.models';

const SEQ = /^\d{1,18}$/;

@Resolver()
export class LiveResolver {
  constructor(
    private readonly bus: EventBus,
    private readonly access: LiveAccess,
    private readonly fanout: LiveFanout,
    private readonly documents: DocumentService,
    private readonly spaces: SpaceService,
    private readonly threads: ThreadService,
    private readonly consultations: ConsultationService,
    private readonly moderation: ModerationService,
  ) {}

  @Subscription(() => LiveEventModel, {
    description:
      'Live updates over graphql-ws on /graphql (WebSocket, protocol `graphql-transport-ws`; access token in ' +
      '`connectionParams.accessToken`). Give exactly one of documentId, spaceId, threadId, consultationId, ' +
      'inbox: true (your own inbox only), moderationQueue: true (moderators): you ' +
      'receive what happens there that you may read, checked when it happens. `after`: the last `seq` you received, ' +
      'to first catch up on what you missed; when that cannot be replayed (more than 5,000 events, or events older than ' +
      'the retention window, 30 days, were pruned) the subscription ends with RESYNC_REQUIRED: read again what you ' +
      'show, then subscribe without `after`. The socket closes with code 4419 when your ' +
      'access token expires or your session ends: refresh it and reconnect with `after`.',
    resolve: (event: DomainEvent): LiveEventModel => ({
      ...event,
      seq: String(event.seq),
      createdAt: new Date(event.createdAt),
    }),
  })
  async liveEvents(
    @CurrentActor() actor: AuthenticatedActor,
    @Context() context: GraphQLContext,
    @Args('documentId', { type: () => ID, nullable: true }) documentId?: string | null,
    @Args('spaceId', { type: () => ID, nullable: true }) spaceId?: string | null,
    @Args('threadId', { type: () => ID, nullable: true }) threadId?: string | null,
    @Args('consultationId', { type: () => ID, nullable: true }) consultationId?: string | null,
    @Args('inbox', {
      type: () => Boolean,
      nullable: true,
      description: 'true: your own inbox, whose INBOX_CHANGED events say your unread count may have changed.',
    })
    inbox?: boolean | null,
    @Args('moderationQueue', {
      type: () => Boolean,
      nullable: true,
      description:
        'true: the moderation queue (moderators only, FORBIDDEN otherwise): QUEUE_CHANGED when content you moderate ' +
        'is reported or acted on; read the queue again.',
    })
    moderationQueue?: boolean | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<AsyncIterableIterator<DomainEvent>> {
    const given = [documentId, spaceId, threadId, consultationId, inbox, moderationQueue].filter((id) => !!id);
    if (given.length !== 1)
      throw InvalidInputError.field(
        'documentId',
        'give exactly one of documentId, spaceId, threadId, consultationId, inbox: true, moderationQueue: true',
      );
    if (after != null && !SEQ.test(after)) throw InvalidInputError.field('after', 'must be a seq received earlier');
    // The scope itself must be readable (NOT_FOUND otherwise), as its query would answer.
    let scope: EventScope;
    if (documentId) scope = { documentId: (await this.documents.get(actor, documentId, 'documentId')).id };
    else if (spaceId) scope = { spaceId: (await this.spaces.get(actor, spaceId, 'spaceId')).space.id };
    else if (inbox) scope = { inboxOf: actor.userId };
    else if (moderationQueue) {
      await this.moderation.ensureWatchesQueue(actor);
      scope = { moderationQueue: true };
    } else if (threadId) scope = { threadId: (await this.threads.get(actor, threadId)).thread.id };
    else scope = { consultationId: (await this.consultations.get(actor, String(consultationId), 'consultationId')).id };
    const connection = context.live;
    return new LiveStream(
      this.bus,
      this.fanout,
      this.access,
      scope,
      () => connection?.actor ?? actor,
      after != null ? Number(after) : null,
    );
  }
}
