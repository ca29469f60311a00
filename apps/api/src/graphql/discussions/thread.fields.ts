import type { FieldMiddleware } from '@nestjs/graphql';
import { Thread, ThreadActivity, threadPreloads } from '@majlis/discussions';
import type { User } from '@majlis/identity';
import { rowField, redactableRows } from '../common/row-fields';
import type { GraphQLContext } from '../graphql-context';

/**
 * A thread's per-row fields as plain fields with a field middleware each (common/row-fields). Each reads what the
 * page read with the thread (ThreadService's threadPreloads) when it came in one, else the request's DataLoaders.
 */

const threadRows = redactableRows<Thread>((thread, context) => {
  const preloaded = threadPreloads.get(thread);
  return preloaded ? preloaded.moderation : context.loaders.threadModeration.load(thread.id);
});

/** The thread's moderation record: read with the page when the thread came in one, else through the loader. */
export const threadModerationRecord = threadRows.moderationRecord;

/** Whether the reader gets the placeholder instead of the thread's content (Redaction, libs/moderation). */
export const threadRedacted = threadRows.redacted;

/** A field of the thread's content: `value`, or the placeholder while the thread is redacted for the reader. */
export const shownThreadField = threadRows.shown;

/** A thread's activity count. */
export function threadActivityField(count: keyof Omit<ThreadActivity, 'lastReadAt'>): FieldMiddleware {
  return rowField<Thread>((thread, context) => {
    const preloaded = threadPreloads.get(thread)?.activity;
    if (preloaded) return preloaded[count];
    return context.loaders.threadActivity.load(thread.id).then((activity) => activity[count]);
  });
}

/** The thread's author (the placeholder while redacted): read with the page, else through the loader. */
export function threadAuthor(thread: Thread, context: GraphQLContext): User | null | Promise<User | null> {
  const preloaded = threadPreloads.get(thread);
  return preloaded ? preloaded.author : context.loaders.user.load(thread.authorId);
}
