import type { LinkTargetFieldsFragment, SearchHitFieldsFragment } from '../graphql/generated/graphql';

/**
 * Where a hit opens, in place: the reader at the article (`#<key>`), or at the annotation (`?annotation=`, the
 * reader scrolls to its highlight and opens its conversation, with the reply `&comment=`); a thread at the reply;
 * a consultation at the question. An organisation opens its page under the account area: the API reads that page
 * (the organisation and its people) under the same rule as the search hit (OrganizationPolicy.canSee), so everyone
 * who finds it may open it, members or not (e2e: test/search).
 */
export function hitLink(hit: SearchHitFieldsFragment): string {
  const t = hit.target;
  const link = targetLink(t);
  if (link) return link;
  if (t.organizationId && hit.type === 'ORGANIZATION') return `/account/organizations/${t.organizationId}`;
  return '/';
}

/**
 * Where a link target opens (a search hit's, a notification's): the reader, a thread, a consultation, a space; null
 * when none applies. The API's e-mails map notifications the same way (libs/notifications, `targetPath`).
 */
export function targetLink(t: LinkTargetFieldsFragment): string | null {
  if (t.documentId && t.versionNumber) {
    const base = `/read/${t.documentId}/${t.versionNumber}`;
    const params = new URLSearchParams();
    if (t.annotationId) params.set('annotation', t.annotationId);
    if (t.commentId && t.annotationId) params.set('comment', t.commentId);
    const query = params.size ? `?${params}` : '';
    return `${base}${query}${t.articleKey ? `#${t.articleKey}` : ''}`;
  }
  if (t.threadId) return `/threads/${t.threadId}${t.commentId ? `#reply-${t.commentId}` : ''}`;
  if (t.consultationId) {
    return `/consultations/${t.consultationId}${t.questionId ? `#question-${t.questionId}` : ''}`;
  }
  if (t.spaceSlug) return `/spaces/${t.spaceSlug}`;
  return null;
}

/** The API's snippet is escaped text with `<mark>` only; anything else is shown as text, never as markup. */
export function isSafeSnippet(html: string): boolean {
  return !/<(?!\/?mark>)/i.test(html);
}
