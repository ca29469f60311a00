import { renderMarkdown } from '@majlis/kernel';
import type { Comment } from '@majlis/discussions';
import { redactableRows } from '../common/row-fields';

/**
 * A reply's per-row fields as plain fields with a field middleware each (common/row-fields), for the conversations
 * of annotations, threads and contributions. A reply's moderation record comes through the request's loader.
 */

const commentRows = redactableRows<Comment>((comment, context) => context.loaders.commentModeration.load(comment.id));

export const commentBodyMarkdown = commentRows.shown((comment) => comment.body);
export const commentBodyHtml = commentRows.shown((comment) => renderMarkdown(comment.body));
export const commentAuthor = commentRows.shown((comment, context) => context.loaders.user.load(comment.authorId));
export const commentOrganization = commentRows.organization();
export const commentModerationState = commentRows.moderationState;
