import { contentPath } from '@majlis/links';
import type { SearchHitFieldsFragment } from '../graphql/generated/graphql';

/**
 * Where a hit opens, in place: the reader at the article (`#<key>`), or at the annotation (`?annotation=`, the
 * reader scrolls to its highlight and opens its conversation, with the reply `&comment=`); a thread at the reply;
 * a consultation at the question (`contentPath`, the mapping the e-mails use too). An organisation opens its page under the account area: the API reads that page
 * (the organisation and its people) under the same rule as the search hit (OrganizationPolicy.canSee), so everyone
 * who finds it may open it, members or not (e2e: test/search).
 */
export function hitLink(hit: SearchHitFieldsFragment): string {
  const t = hit.target;
  const link = contentPath(t);
  if (link) return link;
  if (t.organizationId && hit.type === 'ORGANIZATION') return `/account/organizations/${t.organizationId}`;
  return '/';
}

/** The API's snippet is escaped text with `<mark>` only; anything else is shown as text, never as markup. */
export function isSafeSnippet(html: string): boolean {
  return !/<(?!\/?mark>)/i.test(html);
}
