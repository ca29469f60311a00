/**
 * The one place where the rendered version (DOM) and its plain text (what annotations point into, in UTF-16 code
 * units) meet.
 *
 * Rendering contract: the reader draws each block of the plain text (the text between two "\n\n") as an element
 * carrying `data-offset="<start of the block in the plain text>"`, whose text nodes, read in document order,
 * are exactly the block's text. Anything inside a block that is not part of the text (highlight markers, counts)
 * sits in an element marked `data-text-skip`. The blank lines between blocks are not drawn: a point between two
 * blocks maps to the end of the previous block (for the end of a selection) or the start of the next (for its start).
 */
import { describeSelection } from '@majlis/anchoring';

export const BLOCK_ATTRIBUTE = 'data-offset';
export const SKIP_ATTRIBUTE = 'data-text-skip';
/** Context kept on each side of a quote: what the API's describeSelection uses (at most 200 accepted). */
export const QUOTE_CONTEXT = 32;

export type Bias = 'start' | 'end';

export interface TextTarget {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
}

export interface DomPoint {
  readonly node: Node;
  readonly offset: number;
}

function blockOf(node: Node, root: Element): HTMLElement | null {
  let current: Node | null = node;
  while (current && current !== root.parentNode) {
    if (current.nodeType === Node.ELEMENT_NODE && (current as Element).hasAttribute(BLOCK_ATTRIBUTE)) {
      return current as HTMLElement;
    }
    if (current === root) return null;
    current = current.parentNode;
  }
  return null;
}

function isSkipped(node: Node, block: Element): boolean {
  let current = node.parentNode;
  while (current && current !== block) {
    if ((current as Element).hasAttribute?.(SKIP_ATTRIBUTE)) return true;
    current = current.parentNode;
  }
  return false;
}

/** The text nodes of a block that belong to the plain text, in document order. */
export function textNodesOf(block: Element): Text[] {
  const nodes: Text[] = [];
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!isSkipped(node, block)) nodes.push(node as Text);
  }
  return nodes;
}

export const blockStart = (block: Element): number => Number(block.getAttribute(BLOCK_ATTRIBUTE));
const blockLength = (block: Element): number => textNodesOf(block).reduce((sum, node) => sum + node.data.length, 0);
export const blocksOf = (root: Element): HTMLElement[] => Array.from(root.querySelectorAll(`[${BLOCK_ATTRIBUTE}]`));

/** -1 when (a) is before (b), 0 when equal, 1 when after. */
function comparePoints(a: DomPoint, b: DomPoint): number {
  const range = (a.node.ownerDocument ?? document).createRange();
  range.setStart(a.node, a.offset);
  range.collapse(true);
  return -range.comparePoint(b.node, b.offset);
}

function offsetWithinBlock(block: Element, point: DomPoint): number {
  let total = 0;
  for (const text of textNodesOf(block)) {
    if (text === point.node) return total + Math.min(point.offset, text.data.length);
    if (comparePoints({ node: text, offset: 0 }, point) >= 0) return total; // the point is before this text
    total += text.data.length;
  }
  return total;
}

/** A DOM point (as found in a Selection or Range) → offset in the plain text; null when outside the reader. */
export function pointToOffset(root: Element, point: DomPoint, bias: Bias = 'start'): number | null {
  if (!root.contains(point.node)) return null;
  const block = blockOf(point.node, root);
  if (block) return blockStart(block) + offsetWithinBlock(block, point);
  const blocks = blocksOf(root);
  let previous: HTMLElement | null = null;
  for (const candidate of blocks) {
    if (comparePoints(point, { node: candidate, offset: 0 }) <= 0) {
      if (bias === 'end' && previous) return blockStart(previous) + blockLength(previous);
      return blockStart(candidate);
    }
    previous = candidate;
  }
  return previous ? blockStart(previous) + blockLength(previous) : null;
}

/** An offset in the plain text → the DOM point that shows it (the start of the next block for a gap). */
export function offsetToPoint(root: Element, offset: number): DomPoint | null {
  const blocks = blocksOf(root);
  for (const block of blocks) {
    const start = blockStart(block);
    const nodes = textNodesOf(block);
    const length = nodes.reduce((sum, node) => sum + node.data.length, 0);
    if (offset > start + length) continue;
    let remaining = Math.max(0, offset - start);
    for (const node of nodes) {
      if (remaining <= node.data.length) return { node, offset: remaining };
      remaining -= node.data.length;
    }
    return { node: block, offset: block.childNodes.length };
  }
  return null;
}

/** The DOM Range that shows [start, end) of the plain text. */
export function offsetsToRange(root: Element, start: number, end: number): Range | null {
  const from = offsetToPoint(root, start);
  const to = offsetToPoint(root, end);
  if (!from || !to) return null;
  const range = root.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);

/** Never split a surrogate pair: a start inside one moves before it, an end inside one moves after it. */
export function snapToCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  if (s > 0 && isLowSurrogate(text.charCodeAt(s)) && isHighSurrogate(text.charCodeAt(s - 1))) s--;
  if (e > 0 && e < text.length && isLowSurrogate(text.charCodeAt(e)) && isHighSurrogate(text.charCodeAt(e - 1))) e++;
  return { start: s, end: e };
}

/**
 * Offsets → the W3C TextQuote + TextPosition the API verifies: whitespace trimmed from both ends, surrogate pairs
 * kept whole, up to 32 code units of context each side (never splitting a pair). Null for an empty selection.
 */
export function targetFromOffsets(plainText: string, start: number, end: number): TextTarget | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(plainText.length, Math.max(start, end));
  while (s < e && isSpace(plainText[s])) s++;
  while (e > s && isSpace(plainText[e - 1])) e--;
  ({ start: s, end: e } = snapToCodePoints(plainText, s, e));
  if (s >= e) return null;
  const { quote, position } = describeSelection(plainText, s, e, QUOTE_CONTEXT);
  return { ...quote, start: position.start, end: position.end };
}

/** A DOM Range (the person's selection) → the target, or null when it is empty or outside the reader. */
export function rangeToTarget(root: Element, plainText: string, range: Range): TextTarget | null {
  const start = pointToOffset(root, { node: range.startContainer, offset: range.startOffset }, 'start');
  const end = pointToOffset(root, { node: range.endContainer, offset: range.endOffset }, 'end');
  if (start === null || end === null) return null;
  return targetFromOffsets(plainText, start, end);
}

/** The blocks of a plain text (separated by blank lines), with their start offsets: what the reader draws. */
export function splitBlocks(plainText: string, from = 0, to = plainText.length): { start: number; text: string }[] {
  const blocks: { start: number; text: string }[] = [];
  let cursor = from;
  while (cursor < to) {
    const gap = plainText.indexOf('\n\n', cursor);
    const stop = gap === -1 || gap >= to ? to : gap;
    if (stop > cursor) blocks.push({ start: cursor, text: plainText.slice(cursor, stop) });
    cursor = stop;
    while (cursor < to && plainText[cursor] === '\n') cursor++;
  }
  return blocks;
}

interface IndexedBlock {
  readonly start: number;
  readonly end: number;
  readonly element: Element;
  readonly nodes: readonly Text[];
  /** Offset (from the block start) where each text node begins. */
  readonly starts: readonly number[];
}

/**
 * The same mapping as offsetToPoint / offsetsToRange, for many offsets at once: the blocks and their text nodes are
 * read once, then each lookup is a binary search (drawing 1,000 highlights stays fast on a 300 KB version).
 * Build it again after the text is re-rendered.
 */
export class TextIndex {
  private readonly blocks: IndexedBlock[];

  constructor(root: Element) {
    this.blocks = blocksOf(root).map((element) => {
      const nodes = textNodesOf(element);
      const starts: number[] = [];
      let length = 0;
      for (const node of nodes) {
        starts.push(length);
        length += node.data.length;
      }
      const start = blockStart(element);
      return { start, end: start + length, element, nodes, starts };
    });
  }

  pointAt(offset: number): DomPoint | null {
    const { blocks } = this;
    let low = 0;
    let high = blocks.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (blocks[middle].end >= offset) {
        found = middle;
        high = middle - 1;
      } else low = middle + 1;
    }
    if (found === -1) return null;
    const block = blocks[found];
    const local = Math.max(0, offset - block.start);
    for (let i = block.nodes.length - 1; i >= 0; i--) {
      if (block.starts[i] <= local) {
        return { node: block.nodes[i], offset: Math.min(local - block.starts[i], block.nodes[i].data.length) };
      }
    }
    return { node: block.element, offset: 0 };
  }

  range(start: number, end: number): Range | null {
    const from = this.pointAt(start);
    const to = this.pointAt(end);
    if (!from || !to) return null;
    const range = (from.node.ownerDocument ?? document).createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }
}
