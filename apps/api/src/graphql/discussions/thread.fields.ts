import type { FieldMiddleware } from '@nestjs/graphql';
import { Thread, ThreadActivity, threadPreloads } from '@majlis/discussions';
import type { User } from '@majlis/identity';
import { ModerationRecord, REDACTED, Redaction } from '@majlis/moderation';
import type { GraphQLContext } from '../graphql-context';

/**
 * A thread's per-row fields as plain fields, each resolved by one field middleware, instead of `@ResolveField`
 * methods: Nest wraps those in its context creator (param factories, pipes) on every call, several calls per
 * thread of a page (issue 15: about a tenth of a list request's CPU). Each reads what the page read with the
 * thread (ThreadService's threadPreloads) when it came in one, else the request's DataLoaders.
 */

/** A thread's activity count. */
export function threadActivityField(count: keyof Omit<ThreadActivity, 'lastReadAt'>): FieldMiddleware {
  return ({ source, context }) => {
    const thread = source as Thread;
    const preloaded = threadPreloads.get(thread)?.activity;
    if (preloaded) return preloaded[count];
    return (context as GraphQLContext).loaders.threadActivity.load(thread.id).then((activity) => activity[count]);
  };
}

/** The thread's moderation record: read with the page when the thread came in one, else through the loader. */
export function threadModerationRecord(
  thread: Thread,
  context: GraphQLContext,
): ModerationRecord | null | Promise<ModerationRecord | null> {
  const preloaded = threadPreloads.get(thread);
  return preloaded ? preloaded.moderation : context.loaders.threadModeration.load(thread.id);
}

/** Whether the reader gets the placeholder instead of the thread's content (Redaction, libs/moderation). */
export function threadRedacted(thread: Thread, context: GraphQLContext): boolean | Promise<boolean> {
  const actor = context.req.user ?? null;
  const decide = (record: ModerationRecord | null) =>
    Redaction.resolve(actor, thread, record, context.loaders.viewerModeratedSpaces);
  const record = threadModerationRecord(thread, context);
  return record instanceof Promise ? record.then(decide) : decide(record);
}

/**
 * A field of the thread's content: `value`, or the placeholder while the thread is redacted for the reader. Decided
 * without waiting when the page read the thread's moderation record (and the reader's moderated spaces are not
 * needed), as for almost every row.
 */
export function shownThreadField(value: (thread: Thread, context: GraphQLContext) => unknown): FieldMiddleware {
  return ({ source, context }) => {
    const thread = source as Thread;
    const graphql = context as GraphQLContext;
    const redacted = threadRedacted(thread, graphql);
    if (redacted instanceof Promise) return redacted.then((yes) => (yes ? REDACTED : value(thread, graphql)));
    return redacted ? REDACTED : value(thread, graphql);
  };
}

/** The thread's author (the placeholder while redacted): read with the page, else through the loader. */
export function threadAuthor(thread: Thread, context: GraphQLContext): User | null | Promise<User | null> {
  const preloaded = threadPreloads.get(thread);
  return preloaded ? preloaded.author : context.loaders.user.load(thread.authorId);
}
