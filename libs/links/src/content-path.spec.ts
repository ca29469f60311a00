import { contentPath } from './content-path';
import type { LinkTarget } from './link-target';

const none: LinkTarget = {
  documentId: null,
  versionId: null,
  versionNumber: null,
  articleKey: null,
  start: null,
  end: null,
  annotationId: null,
  commentId: null,
  threadId: null,
  spaceId: null,
  spaceSlug: null,
  consultationId: null,
  questionId: null,
  organizationId: null,
};

describe('contentPath', () => {
  it('opens the reader at the article, and at the annotation and its reply', () => {
    const article = { ...none, documentId: 'd-1', versionNumber: 2, articleKey: 'art-3' };
    expect(contentPath(article)).toBe('/read/d-1/2#art-3');
    expect(contentPath({ ...article, annotationId: 'a-1' })).toBe('/read/d-1/2?annotation=a-1#art-3');
    expect(contentPath({ ...article, annotationId: 'a-1', commentId: 'c-1' })).toBe(
      '/read/d-1/2?annotation=a-1&comment=c-1#art-3',
    );
    // A reply is only addressed under its annotation: without it, the reader opens at the article.
    expect(contentPath({ ...article, commentId: 'c-1' })).toBe('/read/d-1/2#art-3');
  });

  it('opens a thread at the reply, a consultation at the question, a space', () => {
    expect(contentPath({ ...none, threadId: 't-1', spaceSlug: 'agora' })).toBe('/threads/t-1');
    expect(contentPath({ ...none, threadId: 't-1', commentId: 'c-2', spaceSlug: 'agora' })).toBe(
      '/threads/t-1#reply-c-2',
    );
    expect(contentPath({ ...none, consultationId: 'k-1' })).toBe('/consultations/k-1');
    expect(contentPath({ ...none, consultationId: 'k-1', questionId: 'q-4' })).toBe('/consultations/k-1#question-q-4');
    expect(contentPath({ ...none, spaceSlug: 'agora' })).toBe('/spaces/agora');
  });

  it('takes any object with the fields, missing ones included (a GraphQL fragment)', () => {
    expect(contentPath({ threadId: 't-1' })).toBe('/threads/t-1');
  });

  it('has no path without a target', () => {
    expect(contentPath(null)).toBeNull();
    expect(contentPath(undefined)).toBeNull();
    expect(contentPath(none)).toBeNull();
  });
});
