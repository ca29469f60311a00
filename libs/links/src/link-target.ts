/**
 * Where a client opens something in place: a search hit, a notification, an e-mail's link. One shape for all, so
 * the web client and the e-mails map every one of them to a page the same way. Fields that do not apply are null.
 */
export interface LinkTarget {
  readonly documentId: string | null;
  readonly versionId: string | null;
  readonly versionNumber: number | null;
  readonly articleKey: string | null;
  /** The annotated passage (an annotation's, or the annotation a reply answers), UTF-16 offsets in its version. */
  readonly start: number | null;
  readonly end: number | null;
  readonly annotationId: string | null;
  readonly commentId: string | null;
  readonly threadId: string | null;
  readonly spaceId: string | null;
  readonly spaceSlug: string | null;
  readonly consultationId: string | null;
  readonly questionId: string | null;
  readonly organizationId: string | null;
}
