import { EntityManager } from 'typeorm';
import { AnchorResult, ChainedTarget, reanchorChained } from '@majlis/anchoring';
import { AnnotationAnchor } from './annotation-anchor.entity';
import { Annotation } from './annotation.entity';
import { sectionKeyAt } from '../documents/section-lookup';

interface VersionText {
  readonly id: string;
  readonly plainText: string;
}
interface NextVersion extends VersionText {
  readonly sections: readonly { key: string; start: number; end: number }[];
}

/**
 * Carries every annotation anchored on the previous version over to the new one, in the publishing transaction:
 * one alignment of the two texts, then EXACT / MOVED / FUZZY / ORPHANED per annotation. The position is chained
 * from where each annotation stood on the previous version; the status and score are judged against what its
 * author quoted (`reanchorChained`), so a changed passage stays FUZZY until its text returns. Annotations already
 * orphaned stay orphaned (their passage is gone; they keep their original quote).
 */
export async function reanchorAnnotations(
  manager: EntityManager,
  { previous, next }: { previous: VersionText; next: NextVersion },
): Promise<number> {
  const anchors = await manager.getRepository(AnnotationAnchor).find({ where: { versionId: previous.id } });
  if (anchors.length === 0) return 0;
  const originals = await originalsOf(
    manager,
    anchors.map((anchor) => anchor.annotationId),
  );
  return (await carryForward(manager, anchors, originals, previous, next)).length;
}

/**
 * Carries one annotation, just created on an older version, onto every later version (oldest first), with the
 * same rules as publishing: it then stands on the current version as if it had been there when each was published.
 */
export async function carryOntoLaterVersions(
  manager: EntityManager,
  annotation: Annotation,
  anchor: AnnotationAnchor,
  madeOn: VersionText,
  later: readonly NextVersion[],
): Promise<AnnotationAnchor> {
  const originals = new Map([[annotation.id, annotation]]);
  let previous = madeOn;
  let current = anchor;
  for (const version of later) {
    [current] = await carryForward(manager, [current], originals, previous, version);
    previous = version;
  }
  return current;
}

async function carryForward(
  manager: EntityManager,
  anchors: readonly AnnotationAnchor[],
  originals: ReadonlyMap<string, Annotation>,
  previous: VersionText,
  next: NextVersion,
): Promise<AnnotationAnchor[]> {
  const live = anchors.filter((anchor) => anchor.status !== 'ORPHANED');
  const targets: ChainedTarget[] = live.map((anchor) => {
    // Every anchor belongs to an annotation (foreign key); its own quote stands in should the row be missing.
    const original = originals.get(anchor.annotationId) ?? {
      exact: anchor.exact ?? '',
      prefix: anchor.prefix ?? '',
      suffix: anchor.suffix ?? '',
      start: anchor.start ?? 0,
      end: anchor.end ?? 0,
    };
    return {
      original: {
        quote: { exact: original.exact, prefix: original.prefix, suffix: original.suffix },
        position: { start: original.start, end: original.end },
      },
      previous: {
        quote: { exact: anchor.exact ?? '', prefix: anchor.prefix ?? '', suffix: anchor.suffix ?? '' },
        position: { start: anchor.start ?? 0, end: anchor.end ?? 0 },
        status: anchor.status,
        score: anchor.score,
      },
    };
  });
  const results: AnchorResult[] = reanchorChained(targets, previous.plainText, next.plainText);
  const carried: AnnotationAnchor[] = live.map((anchor, index) => {
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
    .map((anchor): AnnotationAnchor => ({ ...anchor, versionId: next.id, sectionKey: null }));
  const rows = [...carried, ...orphans];
  for (let offset = 0; offset < rows.length; offset += 1000) {
    await manager.getRepository(AnnotationAnchor).insert(rows.slice(offset, offset + 1000));
  }
  return rows;
}

/** The annotations' original quotes and positions (on the version each was made on), by id. */
async function originalsOf(manager: EntityManager, ids: readonly string[]): Promise<Map<string, Annotation>> {
  const rows: Annotation[] = [];
  for (let offset = 0; offset < ids.length; offset += 5000) {
    rows.push(
      ...(await manager
        .getRepository(Annotation)
        .createQueryBuilder('annotation')
        .select(['annotation.id', 'annotation.exact', 'annotation.prefix', 'annotation.suffix'])
        .addSelect(['annotation.start', 'annotation.end'])
        .where('annotation.id IN (:...ids)', { ids: ids.slice(offset, offset + 5000) })
        .getMany()),
    );
  }
  return new Map(rows.map((row) => [row.id, row]));
}
