import type { Actor } from '@majlis/kernel';
import type {
  CommentService,
  EndorsementService,
  SpaceRole,
  SpaceService,
  ThreadActivity,
  ThreadService,
} from '@majlis/discussions';
import { mapLoader } from './batch';

export interface DiscussionLoaderServices {
  readonly comments: CommentService;
  readonly endorsements: EndorsementService;
  readonly spaces: SpaceService;
  readonly threads: ThreadService;
}

const NONE = { count: 0, byViewer: false };
const QUIET: ThreadActivity = { replyCount: 0, participantCount: 1, unreadCount: 0, lastReadAt: null };

/** Counts, endorsements, roles and mentions of things already found visible by the resolver that reached them. */
export function discussionLoaders(services: DiscussionLoaderServices, actor: () => Actor) {
  return {
    annotationReplyCount: mapLoader<number>((ids) => services.comments.replyCounts('ANNOTATION', ids), 0),
    annotationEndorsements: mapLoader((ids) => services.endorsements.summaries(actor(), 'ANNOTATION', ids), NONE),
    commentEndorsements: mapLoader((ids) => services.endorsements.summaries(actor(), 'COMMENT', ids), NONE),
    commentMentions: mapLoader<string[]>((ids) => services.comments.mentionsOf(ids), []),
    spaceNewThreads: mapLoader<number>((ids) => services.threads.newCountsBySpace(actor(), ids), 0),
    threadActivity: mapLoader<ThreadActivity>((ids) => services.threads.activity(actor(), ids), QUIET),
    spaceRole: mapLoader<SpaceRole | null>((ids) => services.spaces.rolesIn(actor(), ids), null),
    space: mapLoader((ids) => services.spaces.findByIds(ids), null),
  };
}
