import type { ModerationService, ModerationRecord } from '@majlis/moderation';
import { mapLoader } from './batch';

export interface ModerationLoaderServices {
  readonly moderation: ModerationService;
}

/** Moderation state of content already found visible by the resolver that reached it. */
export function moderationLoaders(services: ModerationLoaderServices) {
  return {
    annotationModeration: mapLoader<ModerationRecord | null>(
      (ids) => services.moderation.states('ANNOTATION', ids),
      null,
    ),
    commentModeration: mapLoader<ModerationRecord | null>((ids) => services.moderation.states('COMMENT', ids), null),
    threadModeration: mapLoader<ModerationRecord | null>((ids) => services.moderation.states('THREAD', ids), null),
  };
}
