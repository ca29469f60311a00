import type { Actor } from '@majlis/kernel';
import { DiscussionLoaderServices, discussionLoaders } from './discussions.loaders';
import { DocumentLoaderServices, documentLoaders } from './documents.loaders';
import { IdentityLoaderServices, identityLoaders } from './identity.loaders';
import { ModerationLoaderServices, moderationLoaders } from './moderation.loaders';

export type LoaderServices = IdentityLoaderServices &
  DocumentLoaderServices &
  DiscussionLoaderServices &
  ModerationLoaderServices;

/**
 * Per-request DataLoaders, one group per area: each batches the lookups of one GraphQL request into one SQL
 * statement and applies the domain's visibility rules for the request's actor (what it may not see is null).
 */
export function createRequestLoaders(services: LoaderServices, actor: () => Actor) {
  return {
    ...identityLoaders(services, actor),
    ...documentLoaders(services),
    ...discussionLoaders(services, actor),
    ...moderationLoaders(services, actor),
  };
}

export type RequestLoaders = ReturnType<typeof createRequestLoaders>;
