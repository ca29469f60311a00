import { EntityManager } from 'typeorm';
import { AnchorTarget, reanchor } from '@majlis/anchoring';
import { AnnotationAnchor } from './annotation-anchor.entity';
import { sectionKeyAt } from '../documents/section-lookup';

interface VersionTexts {
  readonly previous: { id: string; plainText: string };
  readonly next: { id: string; plainText: string; sections: readonly { key: string; start: number; end: number }[] };
}

/**
 * Carries every annotation anchored on the previous version over to the new one, in the publishing transaction:
 * one alignment of the two texts, then EXACT / MOVED / FUZZY / ORPHANED per annotation. Annotations already
 * orphaned stay orphaned (their passage is gone; they keep their original quote).
 */
export async function reanchorAnnotations(manager: EntityManager, { previous, next }: VersionTexts): Promise<number> {
  const anchors = await manager.getRepository(AnnotationAnchor).find({ where: { versionId: previous.id } });
  if (anchors.length === 0) return 0;
  const live = anchors.filter((anchor) => anchor.status !== 'ORPHANED');
  const targets: AnchorTarget[] = live.map((anchor) => ({
    quote: { exact: anchor.exact ?? '', prefix: anchor.prefix ?? '', suffix: anchor.suffix ?? '' },
    position: { start: anchor.start ?? 0, end: anchor.end ?? 0 },
  }));
  const results = reanchor(targets, previous.plainText, next.plainText);
  const carried: Partial<AnnotationAnchor>[] = live.map((anchor, index) => {
    const result = results[index];
    return {
      annotationId: anchor.annotationId,
      versionId: next.id,
      status: result.status,
      score: result.score,
      start: result.position?.start ?? null,
      end: result.position?.end ?? null,
      exact: result.quote?.exact ?? null,
      prefix: result.quote?.prefix ?? null,
      suffix: result.quote?.suffix ?? null,
      sectionKey: result.position ? sectionKeyAt(next.sections, result.position.start) : null,
    };
  });
  const orphans = anchors
    .filter((anchor) => anchor.status === 'ORPHANED')
    .map((anchor) => ({ ...anchor, versionId: next.id, sectionKey: null }));
  const rows = [...carried, ...orphans];
  for (let offset = 0; offset < rows.length; offset += 1000) {
    await manager.getRepository(AnnotationAnchor).insert(rows.slice(offset, offset + 1000));
  }
  return rows.length;
}
