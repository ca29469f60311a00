import { WordDiffPart, wordDiff } from '@majlis/anchoring';
import type { DocumentSection } from './document-section.entity';

export const SECTION_CHANGES = ['ADDED', 'REMOVED', 'CHANGED', 'UNCHANGED'] as const;
export type SectionChange = (typeof SECTION_CHANGES)[number];

export interface SectionComparison {
  readonly key: string;
  readonly change: SectionChange;
  readonly from: DocumentSection | null;
  readonly to: DocumentSection | null;
  /** Word-level diff of the article's text (without its heading), for CHANGED sections only. */
  readonly diff: WordDiffPart[];
}

interface VersionSide {
  readonly plainText: string;
  readonly sections: readonly DocumentSection[];
}

/**
 * Compares two versions article by article, matching articles by their stable key: a renumbered article whose
 * text is the same is UNCHANGED; its title or body edited is CHANGED (with a word diff).
 * Order: the articles of the newer version, then those removed from it.
 */
export function compareVersions(from: VersionSide, to: VersionSide): SectionComparison[] {
  const before = new Map(from.sections.map((section) => [section.key, section]));
  const compared: SectionComparison[] = to.sections.map((section) => {
    const old = before.get(section.key) ?? null;
    if (!old) return { key: section.key, change: 'ADDED', from: null, to: section, diff: [] };
    before.delete(section.key);
    const oldBody = bodyOf(from.plainText, old);
    const newBody = bodyOf(to.plainText, section);
    const same = oldBody === newBody && old.title === section.title;
    return {
      key: section.key,
      change: same ? 'UNCHANGED' : 'CHANGED',
      from: old,
      to: section,
      diff: same ? [] : wordDiff(oldBody, newBody),
    };
  });
  for (const removed of before.values())
    compared.push({ key: removed.key, change: 'REMOVED', from: removed, to: null, diff: [] });
  return compared;
}

function bodyOf(text: string, section: DocumentSection): string {
  return text.slice(section.start + section.heading.length, section.end).trim();
}
