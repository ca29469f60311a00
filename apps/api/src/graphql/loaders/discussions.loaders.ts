import type { Actor } from '@majlis/kernel';
import type { CommentService, EndorsementService } from '@majlis/discussions';
import { mapLoader } from './batch';

export interface DiscussionLoaderServices {
  readonly comments: CommentService;
  readonly endorsements: EndorsementService;
}

const NONE = { count: 0, byViewer: false };

/** Reply counts and endorsement summaries of subjects already found visible by the resolver that reached them. */
export function discussionLoaders(services: DiscussionLoaderServices, actor: () => Actor) {
  return {
    annotationReplyCount: mapLoader<number>((ids) => services.comments.replyCounts('ANNOTATION', ids), 0),
    annotationEndorsements: mapLoader((ids) => services.endorsements.summaries(actor(), 'ANNOTATION', ids), NONE),
    commentEndorsements: mapLoader((ids) => services.endorsements.summaries(actor(), 'COMMENT', ids), NONE),
  };
}
