import type { FieldMiddleware } from '@nestjs/graphql';
import { Thread, ThreadActivity, threadPreloads } from '@majlis/discussions';
import type { GraphQLContext } from '../graphql-context';

/**
 * A thread's activity counts as plain fields resolved by one field middleware each, instead of `@ResolveField`
 * methods: Nest wraps those in its context creator (param factories, pipes) on every call, three calls per thread
 * of a page (issue 15: about a tenth of a list request's CPU). Read with the page when the thread came in one
 * (ThreadService's threadPreloads), else through the request's DataLoader.
 */
export function threadActivityField(count: keyof Omit<ThreadActivity, 'lastReadAt'>): FieldMiddleware {
  return ({ source, context }) => {
    const thread = source as Thread;
    const preloaded = threadPreloads.get(thread)?.activity;
    if (preloaded) return preloaded[count];
    return (context as GraphQLContext).loaders.threadActivity.load(thread.id).then((activity) => activity[count]);
  };
}
