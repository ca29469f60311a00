import { KGramIndex } from './kgram-index';
import type { TextAlignment } from './text-alignment';
import { SPAN_SIDE_CAP, supportSpan } from './verbatim-span';

/** Vanished old copies examined per candidate (more would only repeat the same boilerplate). */
const MAX_CLAIMANTS = 64;

/**
 * Guards against attaching a passage to text that descends from another old passage which the
 * diff did not pair with it — typically an article moved as a block (seen by the diff as deleted
 * there and inserted here) that repeats the same formulas as a deleted article.
 *
 * Only old text that vanished from its place (not covered by the alignment) can hold such a
 * claim: old text that survived has its own descendant. Those regions are indexed lazily; a
 * candidate is "claimed" when an exact copy of it in vanished old text has more identical
 * surroundings than the target's own support.
 */
export class CompetingClaims {
  private index: KGramIndex | null = null;

  constructor(
    private readonly oldText: string,
    private readonly newText: string,
    private readonly alignment: TextAlignment,
  ) {}

  /**
   * True when some vanished old occurrence of new[newStart, newEnd), outside [ownStart, ownEnd),
   * is better supported than `ownSupport` (see `supportSpan`).
   */
  isClaimedByOther(newStart: number, newEnd: number, ownStart: number, ownEnd: number, ownSupport: number): boolean {
    const len = newEnd - newStart;
    if (ownSupport >= len + 2 * SPAN_SIDE_CAP) return false;
    const occurrences = this.getIndex().find(this.newText.slice(newStart, newEnd), MAX_CLAIMANTS);
    if (occurrences === null) return false; // too short to be evidence either way
    for (const o of occurrences) {
      if (o < ownEnd && o + len > ownStart) continue;
      if (supportSpan(this.oldText, o, o + len, this.newText, newStart, newEnd, len) > ownSupport) return true;
    }
    return false;
  }

  private getIndex(): KGramIndex {
    if (this.index === null) this.index = new KGramIndex(this.oldText, this.alignment.gapsInOld());
    return this.index;
  }
}
