import type { Actor } from '@majlis/kernel';
import type { ModerationRecord, ModerationService } from '@majlis/moderation';
import { mapLoader } from './batch';

export interface ModerationLoaderServices {
  readonly moderation: ModerationService;
}

/**
 * Moderation state of content already found visible by the resolver that reached it, and the spaces the request's
 * actor moderates (asked at most once per request, and only when hidden content of a space is redacted).
 */
export function moderationLoaders(services: ModerationLoaderServices, actor: () => Actor) {
  let moderatedSpaces: Promise<readonly string[]> | null = null;
  return {
    annotationModeration: mapLoader<ModerationRecord | null>(
      (ids) => services.moderation.states('ANNOTATION', ids),
      null,
    ),
    commentModeration: mapLoader<ModerationRecord | null>((ids) => services.moderation.states('COMMENT', ids), null),
    threadModeration: mapLoader<ModerationRecord | null>((ids) => services.moderation.states('THREAD', ids), null),
    viewerModeratedSpaces: (): Promise<readonly string[]> =>
      (moderatedSpaces ??= services.moderation.moderatedSpaces(actor())),
  };
}
