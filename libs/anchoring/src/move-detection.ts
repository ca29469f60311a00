import { similarUnits } from './hunk-alignment';
import type { UnitDiffer } from './segment-diff';

/** Units shorter than this are too common to witness a move, even when unique. */
const MIN_WITNESS_UNIT = 8;
/** A block needs two witnesses totalling this much identical unique text (code units)... */
const MIN_MOVED_IDENTICAL = 128;
/** ...or this many units once widened (say an article heading followed by edited sentences). */
const MIN_BLOCK_UNITS = 3;
/** Minimum size (old code units) of any moved block. */
const MIN_MOVED_CHARS = 128;
/** Edited units tolerated between two witnesses of one block. */
const MAX_UNIT_GAP = 3;

/** A moved block: old units [aFrom, aTo) reappear, possibly edited, as new units [bFrom, bTo). */
export interface UnitBlock {
  aFrom: number;
  aTo: number;
  bFrom: number;
  bTo: number;
}

/** Marks of units in `freeOld` / `freeNew`: 1 = in a changed hunk, 2 = taken by a moved block. */
export const IN_HUNK = 1;
export const MOVED = 2;

interface Candidate extends UnitBlock {
  identical: number;
  witnesses: number;
}

/**
 * Block moves. The sentence diff is monotone: when an article moves, or two articles swap, one
 * side is seen as deleted here and inserted there. Sentences that vanished from the old text and
 * reappear verbatim among inserted new sentences — each occurring once in each text, so
 * boilerplate proves nothing — witness such a block when they lie on a common diagonal. A block
 * spans its witnesses, widened over adjacent sentences that still look like edited versions of
 * each other. Accepted blocks (strongest first, no overlaps) have their units marked MOVED so the
 * hunk alignment leaves them alone. Runs before any similarity-based pairing: exact evidence first.
 */
export function findMovedBlocks(differ: UnitDiffer, freeOld: Uint8Array, freeNew: Uint8Array): UnitBlock[] {
  const a = differ.oldUnits;
  const b = differ.newUnits;
  const out: UnitBlock[] = [];
  const candidates = witnessRuns(differ, freeOld, freeNew).sort(
    (x, y) => y.identical - x.identical || x.aFrom - y.aFrom || x.bFrom - y.bFrom,
  );
  for (const c of candidates) {
    if (!allMarked(freeOld, c.aFrom, c.aTo) || !allMarked(freeNew, c.bFrom, c.bTo)) continue;
    const extendable = (i: number, j: number): boolean =>
      freeOld[i] === IN_HUNK && freeNew[j] === IN_HUNK && (a.words[i] === b.words[j] || similarUnits(differ, i, j));
    let { aFrom, aTo, bFrom, bTo } = c;
    while (aFrom > 0 && bFrom > 0 && extendable(aFrom - 1, bFrom - 1)) {
      aFrom--;
      bFrom--;
    }
    while (aTo < a.words.length && bTo < b.words.length && extendable(aTo, bTo)) {
      aTo++;
      bTo++;
    }
    const chars = a.starts[aTo] - a.starts[aFrom];
    const strong = (c.witnesses >= 2 && c.identical >= MIN_MOVED_IDENTICAL) || aTo - aFrom >= MIN_BLOCK_UNITS;
    if (!strong || chars < MIN_MOVED_CHARS) continue;
    freeOld.fill(MOVED, aFrom, aTo);
    freeNew.fill(MOVED, bFrom, bTo);
    out.push({ aFrom, aTo, bFrom, bTo });
  }
  return out.sort((x, y) => x.aFrom - y.aFrom);
}

/** Identical unique vanished/inserted unit pairs, grouped by diagonal into runs of nearby witnesses. */
function witnessRuns(differ: UnitDiffer, freeOld: Uint8Array, freeNew: Uint8Array): Candidate[] {
  const a = differ.oldUnits;
  const b = differ.newUnits;
  const inserted = new Map<string, number>();
  for (let j = 0; j < b.words.length; j++) {
    if (freeNew[j] === IN_HUNK && b.words[j].length >= MIN_WITNESS_UNIT) inserted.set(b.words[j], j);
  }
  const byDiagonal = new Map<number, Array<[number, number]>>();
  for (let i = 0; i < a.words.length; i++) {
    if (freeOld[i] !== IN_HUNK || a.words[i].length < MIN_WITNESS_UNIT) continue;
    const j = inserted.get(a.words[i]);
    if (j === undefined || !differ.isUniqueMatch(i, j)) continue;
    const list = byDiagonal.get(j - i);
    if (list) list.push([i, j]);
    else byDiagonal.set(j - i, [[i, j]]);
  }
  const runs: Candidate[] = [];
  for (const pairs of byDiagonal.values()) {
    let current: Candidate | null = null;
    for (const [i, j] of pairs) {
      const near =
        current !== null &&
        i - current.aTo <= MAX_UNIT_GAP &&
        allMarked(freeOld, current.aTo, i) &&
        allMarked(freeNew, current.bTo, j);
      if (current === null || !near) {
        if (current) runs.push(current);
        current = { aFrom: i, aTo: i + 1, bFrom: j, bTo: j + 1, identical: a.words[i].length, witnesses: 1 };
      } else {
        current.aTo = i + 1;
        current.bTo = j + 1;
        current.identical += a.words[i].length;
        current.witnesses++;
      }
    }
    if (current) runs.push(current);
  }
  return runs;
}

/** True when every unit in [from, to) is still IN_HUNK (not unchanged, not taken by a block). */
function allMarked(flags: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (flags[k] !== IN_HUNK) return false;
  return true;
}
