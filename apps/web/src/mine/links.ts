import type { MyAnnotationFragment } from '../graphql/generated/graphql';

/** The reader at the annotation's place: its version, its highlight opened (`?annotation=`), its article (`#key`). */
export function annotationLink(annotation: MyAnnotationFragment): string {
  const { documentId, number } = annotation.createdOnVersion;
  const params = new URLSearchParams({ annotation: annotation.id });
  const key = annotation.target.sectionKey;
  return `/read/${documentId}/${number}?${params}${key ? `#${key}` : ''}`;
}
