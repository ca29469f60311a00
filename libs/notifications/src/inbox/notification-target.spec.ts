import { NotificationTarget, targetPath } from './notification-target';

const none: NotificationTarget = {
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

/** The e-mails' paths: the same as the web's for search hits and the inbox (apps/web/src/search/links.ts). */
describe('targetPath', () => {
  it('opens the reader at the annotation and its reply, a thread at the reply, a consultation', () => {
    const annotation = { ...none, documentId: 'd-1', versionNumber: 2, articleKey: 'art-3', annotationId: 'a-1' };
    expect(targetPath(annotation)).toBe('/read/d-1/2?annotation=a-1#art-3');
    expect(targetPath({ ...annotation, commentId: 'c-1' })).toBe('/read/d-1/2?annotation=a-1&comment=c-1#art-3');
    expect(targetPath({ ...none, threadId: 't-1', spaceSlug: 'agora' })).toBe('/threads/t-1');
    expect(targetPath({ ...none, threadId: 't-1', commentId: 'c-2', spaceSlug: 'agora' })).toBe(
      '/threads/t-1#reply-c-2',
    );
    expect(targetPath({ ...none, consultationId: 'k-1' })).toBe('/consultations/k-1');
  });

  it('has no path without a target (the e-mail then opens the inbox)', () => {
    expect(targetPath(null)).toBeNull();
    expect(targetPath(none)).toBeNull();
  });
});
