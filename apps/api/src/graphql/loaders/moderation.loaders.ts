import type { ModerationService, ModerationState } from '@majlis/moderation';
import { mapLoader } from './batch';

export interface ModerationLoaderServices {
  readonly moderation: ModerationService;
}

/** Moderation state of content already found visible by the resolver that reached it. */
export function moderationLoaders(services: ModerationLoaderServices) {
  return {
    annotationModeration: mapLoader<ModerationState | null>(
      (ids) => services.moderation.states('ANNOTATION', ids),
      null,
    ),
    commentModeration: mapLoader<ModerationState | null>((ids) => services.moderation.states('COMMENT', ids), null),
    threadModeration: mapLoader<ModerationState | null>((ids) => services.moderation.states('THREAD', ids), null),
  };
}
