/**
 * Deterministic benchmark corpus: a ~300 KB French regulatory-style text made of articles, an
 * edited version of it, and annotations with their known truth.
 */
import { describeSelection, type AnchorTarget, type TextPositionSelector } from '@majlis/anchoring';
import { ACTIONS, COMPLEMENTS, FORMULAS, REPLACEMENTS, STOCK_SENTENCES, SUBJECTS, VERBS } from './reanchor.vocabulary';

export type ArticleClass = 'unchanged' | 'moved' | 'light' | 'heavy' | 'deleted';
export const CLASSES: readonly ArticleClass[] = ['unchanged', 'moved', 'light', 'heavy', 'deleted'];

export interface BenchAnnotation {
  cls: ArticleClass;
  target: AnchorTarget;
  /** Expected new range (unchanged, moved, light), null when the passage must be orphaned. */
  truth: TextPositionSelector | null;
  /** For heavy edits: the rewritten article in the new text (a FUZZY inside it is acceptable). */
  rewritten: TextPositionSelector | null;
}

export interface Corpus {
  oldText: string;
  newText: string;
  annotations: BenchAnnotation[];
  articleCounts: Record<ArticleClass, number>;
  insertedArticles: number;
}

interface Edit {
  at: number; // offset relative to the article block
  oldLen: number;
  text: string;
}

interface Article {
  num: string;
  cls: ArticleClass;
  block: string;
  bodyOffset: number; // length of the "Article N\n" header
  edits: Edit[];
  newBlock: string;
  oldStart: number;
  newStart: number;
}

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A stock sentence never follows another one: boilerplate recurs, but not in long verbatim chains. */
function sentence(rng: Rng, articleCount: number, afterStock: boolean): string {
  if (!afterStock && rng.chance(0.12)) return rng.pick(STOCK_SENTENCES);
  const formula = rng.chance(0.4)
    ? rng.pick(FORMULAS).replace('{N}', String(rng.int(1, Math.min(40, articleCount))))
    : '';
  let subject = rng.pick(SUBJECTS);
  if (formula) subject = subject.charAt(0).toLowerCase() + subject.slice(1);
  const complement = rng.chance(0.6) ? ' ' + rng.pick(COMPLEMENTS) : '';
  const amount = rng.chance(0.15) ? `, pour un montant minimum de ${rng.int(1, 500)} millions de dirhams` : '';
  return `${formula}${subject} ${rng.pick(VERBS)} ${rng.pick(ACTIONS)}${complement}${amount}.`;
}

export function articleBody(rng: Rng, articleCount: number): string {
  const paragraphs = rng.int(2, 5);
  let body = '';
  let last = '';
  for (let p = 1; p <= paragraphs; p++) {
    const sentences: string[] = [];
    for (let s = rng.int(1, 3); s > 0; s--) {
      last = sentence(rng, articleCount, STOCK_SENTENCES.includes(last));
      sentences.push(last);
    }
    body += `${p}. ${sentences.join(' ')}\n`;
  }
  return body;
}

function lightEdits(rng: Rng, body: string, bodyOffset: number): Edit[] {
  const words = [...body.matchAll(/\p{L}{3,}/gu)];
  const edits: Edit[] = [];
  const wanted = rng.int(4, 8);
  for (let tries = 0; tries < 50 && edits.length < wanted; tries++) {
    const w = rng.pick(words);
    const at = bodyOffset + (w.index ?? 0);
    if (edits.some((e) => Math.abs(e.at - at) < 40)) continue;
    let text = rng.pick(REPLACEMENTS);
    if (text === w[0]) continue;
    if (rng.chance(0.2)) text = `${text} ${rng.pick(REPLACEMENTS)}`; // a word replaced by two
    edits.push({ at, oldLen: w[0].length, text });
  }
  return edits.sort((x, y) => x.at - y.at);
}

function applyEdits(block: string, edits: readonly Edit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += block.slice(pos, e.at) + e.text;
    pos = e.at + e.oldLen;
  }
  return out + block.slice(pos);
}

function buildArticles(rng: Rng, targetSize: number): Article[] {
  const articles: Article[] = [];
  let size = 0;
  const weights: Array<[ArticleClass, number]> = [
    ['unchanged', 0.5],
    ['moved', 0.12],
    ['light', 0.16],
    ['heavy', 0.1],
    ['deleted', 0.12],
  ];
  for (let n = 1; size < targetSize; n++) {
    const header = `Article ${n}\n`;
    const block = header + articleBody(rng, n + 10) + '\n';
    let r = rng.next();
    let cls: ArticleClass = 'unchanged';
    for (const [c, w] of weights) {
      if (r < w) {
        cls = c;
        break;
      }
      r -= w;
    }
    const edits = cls === 'light' ? lightEdits(rng, block.slice(header.length), header.length) : [];
    let newBlock = block;
    if (cls === 'light') newBlock = applyEdits(block, edits);
    if (cls === 'heavy') newBlock = header + articleBody(rng, n + 10) + '\n';
    articles.push({
      num: String(n),
      cls,
      block,
      bodyOffset: header.length,
      edits,
      newBlock,
      oldStart: size,
      newStart: -1,
    });
    size += block.length;
  }
  return articles;
}

/** New article order: deleted ones dropped, moved ones re-inserted far away, a few new articles added. */
function newOrder(rng: Rng, articles: Article[]): Array<Article | string> {
  const order: Array<Article | string> = articles.filter((a) => a.cls !== 'deleted' && a.cls !== 'moved');
  for (const a of articles.filter((x) => x.cls === 'moved')) {
    const oldIndex = articles.indexOf(a);
    let at = rng.int(0, order.length);
    while (Math.abs(at - oldIndex) < 5) at = rng.int(0, order.length);
    order.splice(at, 0, a);
  }
  const inserted = Math.round(articles.length * 0.04);
  for (let k = 0; k < inserted; k++) {
    const n = rng.int(1, articles.length);
    order.splice(rng.int(0, order.length), 0, `Article ${n} bis\n` + articleBody(rng, n + 10) + '\n');
  }
  return order;
}

function mapOld(a: Article, oldOffset: number): number {
  const rel = oldOffset - a.oldStart;
  let shift = 0;
  for (const e of a.edits) if (e.at + e.oldLen <= rel) shift += e.text.length - e.oldLen;
  return a.newStart + rel + shift;
}

function pickPassage(rng: Rng, a: Article, cls: ArticleClass): TextPositionSelector | null {
  const len = 20 + Math.floor(280 * Math.pow(rng.next(), 1.6));
  const bodyStart = a.oldStart + a.bodyOffset;
  const bodyEnd = a.oldStart + a.block.length - 1; // keep the blank line out
  let lo = bodyStart;
  let hi = bodyEnd - len;
  if (cls === 'light') {
    const e = rng.pick(a.edits);
    lo = Math.max(lo, a.oldStart + e.at + e.oldLen + 1 - len);
    hi = Math.min(hi, a.oldStart + e.at - 1);
  }
  if (hi < lo) return null;
  let start = rng.int(lo, hi);
  let end = start + len;
  if (rng.chance(0.8)) {
    const text = a.block;
    while (start > bodyStart && /\p{L}/u.test(text[start - a.oldStart - 1])) start--;
    while (end < bodyEnd && /\p{L}/u.test(text[end - a.oldStart])) end++;
  }
  if (end - start > 300 || start < bodyStart || end > bodyEnd) return null;
  for (const e of a.edits) {
    const es = a.oldStart + e.at;
    const ee = es + e.oldLen;
    if ((es < start && start < ee) || (es < end && end < ee)) return null; // boundary inside an edit
    if (cls === 'light' ? false : es < end && ee > start) return null;
    if (cls === 'light' && (es === start || ee === end)) return null; // the edit must be strictly inside
  }
  if (cls === 'light' && !a.edits.some((e) => a.oldStart + e.at > start && a.oldStart + e.at + e.oldLen < end))
    return null;
  return { start, end };
}

export const DEFAULT_SEED = 20250115;

export function buildCorpus(seed = DEFAULT_SEED, targetSize = 300_000, annotationCount = 10_000): Corpus {
  const rng = new Rng(seed);
  const articles = buildArticles(rng, targetSize);
  const oldText = articles.map((a) => a.block).join('');
  const order = newOrder(rng, articles);
  let newText = '';
  for (const item of order) {
    if (typeof item === 'string') {
      newText += item;
    } else {
      item.newStart = newText.length;
      newText += item.newBlock;
    }
  }
  const byClass = new Map<ArticleClass, Article[]>(CLASSES.map((c) => [c, articles.filter((a) => a.cls === c)]));
  const share: Record<ArticleClass, number> = { unchanged: 0.4, moved: 0.15, light: 0.2, heavy: 0.1, deleted: 0.15 };
  const annotations: BenchAnnotation[] = [];
  for (const cls of CLASSES) {
    const pool = byClass.get(cls) ?? [];
    const wanted = Math.round(annotationCount * share[cls]);
    for (let made = 0; made < wanted;) {
      const a = rng.pick(pool);
      const range = pickPassage(rng, a, cls);
      if (!range) continue;
      const target = describeSelection(oldText, range.start, range.end);
      const truth =
        cls === 'unchanged' || cls === 'moved' || cls === 'light'
          ? { start: mapOld(a, range.start), end: mapOld(a, range.end) }
          : null;
      const rewritten = cls === 'heavy' ? { start: a.newStart, end: a.newStart + a.newBlock.length } : null;
      annotations.push({ cls, target, truth, rewritten });
      made++;
    }
  }
  const articleCounts = Object.fromEntries(CLASSES.map((c) => [c, byClass.get(c)?.length ?? 0])) as Record<
    ArticleClass,
    number
  >;
  return {
    oldText,
    newText,
    annotations,
    articleCounts,
    insertedArticles: order.filter((x) => typeof x === 'string').length,
  };
}
