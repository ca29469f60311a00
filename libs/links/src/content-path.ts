import type { LinkTarget } from './link-target';

/** The fields a page's path is made of: any object that has them (a GraphQL fragment's, a row's) will do. */
export type PathFields = {
  readonly [
    K in
      | 'documentId'
      | 'versionNumber'
      | 'articleKey'
      | 'annotationId'
      | 'commentId'
      | 'threadId'
      | 'spaceSlug'
      | 'consultationId'
      | 'questionId'
  ]?: LinkTarget[K] | undefined;
};

/**
 * The web page a link target opens, in place — one mapping for the web client (search hits, the inbox) and the
 * e-mails: the reader at the article (`#<key>`), or at the annotation (`?annotation=`, the reader scrolls to its
 * highlight and opens its conversation, with the reply `&comment=`); a thread at the reply (`#reply-<id>`); a
 * consultation at the question (`#question-<id>`); a space. Null when none applies (the caller picks its fallback).
 */
export function contentPath(target: PathFields | null | undefined): string | null {
  if (!target) return null;
  if (target.documentId && target.versionNumber) {
    const params = new URLSearchParams();
    if (target.annotationId) params.set('annotation', target.annotationId);
    if (target.commentId && target.annotationId) params.set('comment', target.commentId);
    const query = params.size ? `?${params}` : '';
    const article = target.articleKey ? `#${target.articleKey}` : '';
    return `/read/${target.documentId}/${target.versionNumber}${query}${article}`;
  }
  if (target.threadId) return `/threads/${target.threadId}${target.commentId ? `#reply-${target.commentId}` : ''}`;
  if (target.consultationId) {
    return `/consultations/${target.consultationId}${target.questionId ? `#question-${target.questionId}` : ''}`;
  }
  if (target.spaceSlug) return `/spaces/${target.spaceSlug}`;
  return null;
}
