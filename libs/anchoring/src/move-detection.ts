import type { UnitDiffer } from './segment-diff';
import type { Tokens } from './tokenize';

/** Units shorter than this are too common to witness a move. */
const MIN_WITNESS_UNIT = 24;
/** A moved block needs this many witnesses (identical unique sentences) on its diagonal... */
const MIN_WITNESSES = Number(process.env.MW ?? 2);
/** ...totalling this many code units. */
const MIN_MOVED_IDENTICAL = Number(process.env.MMI ?? 128);
/** Edited (non-identical) units tolerated between two identical ones inside a moved block. */
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

/**
 * Block moves. The sentence diff is monotone: when an article moves, or two articles swap, one
 * side is seen as deleted here and inserted there. Sentences that vanished from the old text and
 * reappear verbatim among inserted new sentences, on a common diagonal, witness such a block;
 * each block (from its first to its last witness, widened to the adjacent vanished/inserted
 * units) is returned, and its units are marked MOVED so that the hunk alignment leaves them
 * alone. Runs before any similarity-based pairing: exact evidence first.
 */
export function findMovedBlocks(differ: UnitDiffer, freeOld: Uint8Array, freeNew: Uint8Array): UnitBlock[] {
  const a = differ.oldUnits;
  const b = differ.newUnits;
  const blocks = acceptBlocks(witnessBlocks(differ, freeOld, freeNew), a, b);
  const CORE = 3;
  for (const blk of blocks) {
    freeOld.fill(CORE, blk.aFrom, blk.aTo);
    freeNew.fill(CORE, blk.bFrom, blk.bTo);
  }
  const out: UnitBlock[] = [];
  for (const blk of blocks.sort((x, y) => x.aFrom - y.aFrom)) {
    // Widen to the whole run of vanished/inserted units around the witnesses, in step on both sides.
    let { aFrom, aTo, bFrom, bTo } = blk;
    while (aFrom > 0 && bFrom > 0 && freeOld[aFrom - 1] === IN_HUNK && freeNew[bFrom - 1] === IN_HUNK) {
      aFrom--;
      bFrom--;
    }
    while (aTo < a.words.length && bTo < b.words.length && freeOld[aTo] === IN_HUNK && freeNew[bTo] === IN_HUNK) {
      aTo++;
      bTo++;
    }
    freeOld.fill(MOVED, aFrom, aTo);
    freeNew.fill(MOVED, bFrom, bTo);
    out.push({ aFrom, aTo, bFrom, bTo });
    if (process.env.DBGPOS && a.starts[aFrom] <= Number(process.env.DBGPOS) + 2000 && a.starts[aTo] >= Number(process.env.DBGPOS) - 2000) console.error('BLOCK', a.starts[aFrom], a.starts[aTo], b.starts[bFrom], b.starts[bTo], 'core', a.starts[blk.aFrom], a.starts[blk.aTo], (blk as Block).witnesses, (blk as Block).identical);
  }
  return out;
}

interface Block {
  aFrom: number;
  aTo: number;
  bFrom: number;
  bTo: number;
  identical: number;
  witnesses: number;
}

/**
 * Witnesses: a vanished old unit identical to an inserted new unit, the sentence occurring once in
 * each text (boilerplate repeated across articles proves nothing). Grouped by diagonal into runs
 * of nearby witnesses.
 */
function witnessBlocks(differ: UnitDiffer, freeOld: Uint8Array, freeNew: Uint8Array): Block[] {
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
  const blocks: Block[] = [];
  for (const pairs of byDiagonal.values()) {
    let current: Block | null = null;
    for (const [i, j] of pairs) {
      const contiguous = current !== null && i - current.aTo <= MAX_UNIT_GAP && allFree(freeOld, current.aTo, i) && allFree(freeNew, current.bTo, j);
      if (current === null || !contiguous) {
        if (current) blocks.push(current);
        current = { aFrom: i, aTo: i + 1, bFrom: j, bTo: j + 1, identical: a.words[i].length, witnesses: 1 };
      } else {
        current.aTo = i + 1;
        current.bTo = j + 1;
        current.identical += a.words[i].length;
        current.witnesses++;
      }
    }
    if (current) blocks.push(current);
  }
  return blocks;
}

/** Strongest blocks first; a unit belongs to at most one block on each side. */
function acceptBlocks(blocks: Block[], a: Tokens, b: Tokens): Block[] {
  const usedOld = new Uint8Array(a.words.length);
  const usedNew = new Uint8Array(b.words.length);
  const accepted: Block[] = [];
  blocks.sort((x, y) => y.identical - x.identical || x.aFrom - y.aFrom || x.bFrom - y.bFrom);
  for (const blk of blocks) {
    if (blk.identical < MIN_MOVED_IDENTICAL) break;
    if (blk.witnesses < MIN_WITNESSES) continue;
    if (!allFree(usedOld, blk.aFrom, blk.aTo, 0) || !allFree(usedNew, blk.bFrom, blk.bTo, 0)) continue;
    usedOld.fill(1, blk.aFrom, blk.aTo);
    usedNew.fill(1, blk.bFrom, blk.bTo);
    accepted.push(blk);
  }
  return accepted;
}

function allFree(flags: Uint8Array, from: number, to: number, value = 1): boolean {
  for (let k = from; k < to; k++) if (flags[k] !== value) return false;
  return true;
}
