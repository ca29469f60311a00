import type { FieldMiddleware } from '@nestjs/graphql';
import { renderMarkdown } from '@majlis/kernel';
import { Thread, ThreadActivity, threadPreloads } from '@majlis/discussions';
import { rowField, redactableRows } from '../common/row-fields';

/**
 * A thread's per-row fields as plain fields with a field middleware each (common/row-fields). Each reads what the
 * page read with the thread (ThreadService's threadPreloads) when it came in one, else the request's DataLoaders.
 */

const threadRows = redactableRows<Thread>((thread, context) => {
  const preloaded = threadPreloads.get(thread);
  return preloaded ? preloaded.moderation : context.loaders.threadModeration.load(thread.id);
});

/** A field of the thread's content: `value`, or the placeholder while the thread is redacted for the reader. */
export const shownThreadField = threadRows.shown;

export const threadBodyHtml = shownThreadField((thread) => renderMarkdown(thread.body));

/** The thread's author (the placeholder while redacted): read with the page, else through the loader. */
export const threadAuthor = shownThreadField((thread, context) => {
  const preloaded = threadPreloads.get(thread);
  return preloaded ? preloaded.author : context.loaders.user.load(thread.authorId);
});

export const threadOrganization = threadRows.organization();

export const threadModerationState = threadRows.moderationState;

/** A thread's activity count. */
export function threadActivityField(count: keyof Omit<ThreadActivity, 'lastReadAt'>): FieldMiddleware {
  return rowField<Thread>((thread, context) => {
    const preloaded = threadPreloads.get(thread)?.activity;
    if (preloaded) return preloaded[count];
    return context.loaders.threadActivity.load(thread.id).then((activity) => activity[count]);
  });
}
