/**
 * The highlighted snippet of a hit, as safe HTML: the text escaped, the words that match the query in `<mark>`,
 * cut to a window around the first match. Matching here only decides what to highlight (which rows match is
 * PostgreSQL's, with its stemmers): a word is highlighted when its folded form starts with a query word's stem-like
 * prefix, folded the same way the database's `search_normalize` folds (case, Latin accents, Arabic letter forms,
 * diacritics and tatweel).
 */

const WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu;
const BEFORE = 12;
const WINDOW = 40;

/** Folds a word like `search_normalize` does, for highlighting. */
export function fold(word: string): string {
  // Most words are plain lower-case ASCII already: nothing to fold (the checks below would leave them as they are).
  if (/^[a-z0-9]*$/.test(word)) return word;
  return word
    .normalize('NFD')
    .replace(/[\p{M}\u0640]/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[ٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
}

/** Arabic clitics and the article, which the Arabic stemmer strips: "والاستثمار" is highlighted for "استثمار". */
const ARABIC_PREFIX = /^(?:[وف]?(?:[بلك]?ال|[بلك]))/u;

function stemOf(word: string): string {
  const folded = fold(word).replace(ARABIC_PREFIX, (prefix) => (word.length - prefix.length >= 3 ? '' : prefix));
  if (folded.length <= 4) return folded;
  return folded.slice(0, Math.max(4, Math.ceil(folded.length * 0.7)));
}

/** The words of a query worth highlighting: not negated (`-word`), not the `or` operator. */
export function queryStems(query: string): string[] {
  const stems = new Set<string>();
  for (const match of query.matchAll(/(^|[\s"(])(-?)([\p{L}\p{N}\p{M}\u0640]+)/gu)) {
    const [, , negated, word] = match;
    if (negated || word.toLowerCase() === 'or') continue;
    const stem = stemOf(word);
    if (stem.length >= 2 || /\p{N}/u.test(stem)) stems.add(stem);
  }
  return [...stems];
}

function matches(word: string, stems: readonly string[]): boolean {
  const folded = fold(word);
  const bare = folded.replace(ARABIC_PREFIX, '');
  return stems.some((stem) => folded.startsWith(stem) || bare.startsWith(stem));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

/**
 * The snippet of `text` for `query`: safe HTML (escaped text, `<mark>` around matches), whitespace collapsed. `query`
 * may be its stems already (`queryStems`), computed once for a page of hits.
 */
export function snippetHtml(text: string, query: string | readonly string[]): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  const stems = typeof query === 'string' ? queryStems(query) : query;
  const words = [...collapsed.matchAll(WORD)];
  // Each distinct word is folded once (the search for the first match and the window both ask).
  const seen = new Map<string, boolean>();
  const marked = (word: string) => {
    let found = seen.get(word);
    if (found === undefined) seen.set(word, (found = matches(word, stems)));
    return found;
  };
  const first = words.findIndex((word) => marked(word[0]));
  const start = Math.max(0, (first < 0 ? 0 : first) - BEFORE);
  const end = Math.min(words.length, start + WINDOW);
  const from = start === 0 ? 0 : words[start].index!;
  const to = end >= words.length ? collapsed.length : words[end].index!;
  let html = start > 0 ? '… ' : '';
  let position = from;
  for (const word of words.slice(start, end)) {
    html += escapeHtml(collapsed.slice(position, word.index!));
    html += marked(word[0]) ? `<mark>${escapeHtml(word[0])}</mark>` : escapeHtml(word[0]);
    position = word.index! + word[0].length;
  }
  html += escapeHtml(collapsed.slice(position, to));
  return end < words.length ? `${html.trimEnd()} …` : html;
}
