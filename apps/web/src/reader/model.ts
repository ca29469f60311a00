import type { ReaderAnnotation } from './use-annotations';
import type { MotivationName, Span } from './highlight-layout';

/** Where an annotation sits on the version being read: its carried-over anchor if any, else its own target. */
export function spanOf(annotation: ReaderAnnotation): Span | null {
  if (annotation.anchor) {
    if (annotation.anchor.status === 'ORPHANED' || !annotation.anchor.target) return null;
    const { start, end } = annotation.anchor.target;
    return { id: annotation.id, start, end, motivation: annotation.motivation as MotivationName };
  }
  const { start, end } = annotation.target;
  return { id: annotation.id, start, end, motivation: annotation.motivation as MotivationName };
}

export interface SectionView {
  readonly key: string;
  readonly number: number;
  readonly heading: string;
  readonly title: string;
  readonly start: number;
  readonly end: number;
}

/** Regions of the plain text in order: articles, and what lies between them (preamble, part headings). */
export type Region = { kind: 'section'; section: SectionView } | { kind: 'gap'; start: number; end: number };

export function regionsOf(plainText: string, sections: readonly SectionView[]): Region[] {
  const ordered = [...sections].sort((a, b) => a.start - b.start);
  const regions: Region[] = [];
  let cursor = 0;
  for (const section of ordered) {
    if (section.start > cursor) regions.push({ kind: 'gap', start: cursor, end: section.start });
    regions.push({ kind: 'section', section });
    cursor = Math.max(cursor, section.end);
  }
  if (cursor < plainText.length) regions.push({ kind: 'gap', start: cursor, end: plainText.length });
  return regions;
}
