import { diffTokens, dissolveWeakEqualities, type DiffRun } from './diff-runs';
import { alignHunk, pushEqual, type HunkContext } from './hunk-alignment';
import { findMovedBlocks, IN_HUNK, MOVED } from './move-detection';
import { SegmentBuilder, type EqualSegments } from './segment-builder';
import { splitUnits, TokenCoder, TokenEncoder, type Tokens } from './tokenize';

export type { EqualSegments } from './segment-builder';

/**
 * Runs of identical sentences shorter than this, squeezed between larger changes, are handed to
 * the pairing step instead of being trusted: a boilerplate sentence ("Les modalités
 * d'application du présent article…") must not pin an edited article to another article's copy.
 */
const WEAK_SENTENCE_RUN = 128;

/** Segments of text that survived in place (monotone) and in moved blocks. */
export interface Alignment {
  inPlace: EqualSegments;
  moved: EqualSegments;
}

/**
 * Multi-level diff, each level only inside the changed hunks of the previous one:
 * 1. sentences/lines, exact (a 300 KB text is a few thousand units: Myers' O(ND) stays cheap
 *    even when whole articles moved or were rewritten); short identical runs squeezed between
 *    larger changes are not trusted at this level;
 * 2. moved blocks: changed sentences that reappear verbatim elsewhere (see move-detection);
 * 3. inside each changed hunk, remaining sentences are paired with their edited versions by word
 *    overlap, then aligned word by word and character by character (see hunk-alignment).
 */
export function diffSegments(oldText: string, newText: string): Alignment {
  return new UnitDiffer(oldText, newText, splitUnits(oldText), splitUnits(newText)).align();
}

/** Sentence-level differ. */
export class UnitDiffer implements HunkContext {
  readonly coder = new TokenCoder();
  private readonly unitEncoder = new TokenEncoder();
  private oldCounts: Map<string, number> | null = null;
  private newCounts: Map<string, number> | null = null;

  constructor(
    readonly oldText: string,
    readonly newText: string,
    readonly oldUnits: Tokens,
    readonly newUnits: Tokens,
  ) {}

  align(): Alignment {
    const inPlace = new SegmentBuilder();
    const moved = new SegmentBuilder();
    if (this.oldText === this.newText) {
      inPlace.push(0, 0, this.oldText.length);
      return { inPlace: inPlace.build(), moved: moved.build() };
    }
    const runs = this.unitRuns(0, this.oldUnits.words.length, 0, this.newUnits.words.length);
    const freeOld = new Uint8Array(this.oldUnits.words.length);
    const freeNew = new Uint8Array(this.newUnits.words.length);
    for (const run of runs) {
      if (run.equal) continue;
      freeOld.fill(IN_HUNK, run.aFrom, run.aTo);
      freeNew.fill(IN_HUNK, run.bFrom, run.bTo);
    }
    for (const blk of findMovedBlocks(this, freeOld, freeNew))
      this.diffRange(blk.aFrom, blk.aTo, blk.bFrom, blk.bTo, moved);
    const available = { keepOld: (i: number) => freeOld[i] !== MOVED, keepNew: (j: number) => freeNew[j] !== MOVED };
    for (const run of runs) {
      if (run.equal) pushEqual(this.oldUnits, this.newUnits, run, inPlace);
      else if (run.aFrom < run.aTo && run.bFrom < run.bTo) alignHunk(this, run, inPlace, available);
    }
    return { inPlace: inPlace.build(), moved: moved.build() };
  }

  /** Aligns old units [aFrom, aTo) with new units [bFrom, bTo), appending segments to `out`. */
  diffRange(aFrom: number, aTo: number, bFrom: number, bTo: number, out: SegmentBuilder): void {
    for (const run of this.unitRuns(aFrom, aTo, bFrom, bTo)) {
      if (run.equal) pushEqual(this.oldUnits, this.newUnits, run, out);
      else if (run.aFrom < run.aTo && run.bFrom < run.bTo) alignHunk(this, run, out);
    }
  }

  private unitRuns(aFrom: number, aTo: number, bFrom: number, bTo: number): DiffRun[] {
    const a = this.oldUnits;
    const b = this.newUnits;
    return dissolveWeakEqualities(diffTokens(a, b, aFrom, aTo, bFrom, bTo, this.unitEncoder), a, b, WEAK_SENTENCE_RUN);
  }

  isUniqueMatch(i: number, j: number): boolean {
    const unit = this.oldUnits.words[i];
    if (unit !== this.newUnits.words[j]) return false;
    this.oldCounts ??= countUnits(this.oldUnits);
    this.newCounts ??= countUnits(this.newUnits);
    return this.oldCounts.get(unit) === 1 && this.newCounts.get(unit) === 1;
  }
}

function countUnits(units: Tokens): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of units.words) counts.set(u, (counts.get(u) ?? 0) + 1);
  return counts;
}
