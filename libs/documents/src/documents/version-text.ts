import MarkdownIt from 'markdown-it';

/** An article of a version: its heading and where it starts and ends in the version's plain text. */
export interface ParsedSection {
  /** The number in the heading ("Article 12 — …" → 12), as published in this version. */
  readonly number: number;
  readonly title: string;
  readonly heading: string;
  /** UTF-16 offsets in the plain text: from the heading to the next heading of the same or a higher level. */
  readonly start: number;
  readonly end: number;
}

export interface VersionText {
  readonly plainText: string;
  readonly sections: ParsedSection[];
}

const ARTICLE_HEADING = /^Article\s+(\d+)\s*(?:[—–-]\s*(.*))?$/i;
const parser = new MarkdownIt({ html: false });

/**
 * Turns a version's Markdown into the plain text that annotations point into — what a browser shows of the
 * rendered version (block texts separated by blank lines, list items on lines of their own) — and finds its
 * articles: every heading "Article N — Title" opens a section that runs to the next heading of its level or above.
 */
export function parseVersionText(source: string): VersionText {
  const tokens = parser.parse(source, {});
  const blocks: { text: string; headingLevel: number | null }[] = [];
  let headingLevel: number | null = null;
  for (const token of tokens) {
    if (token.type === 'heading_open') headingLevel = Number(token.tag.slice(1));
    else if (token.type === 'heading_close') headingLevel = null;
    else if (token.type === 'inline') blocks.push({ text: inlineText(token), headingLevel });
    else if (token.type === 'fence' || token.type === 'code_block')
      blocks.push({ text: token.content.replace(/\n$/, ''), headingLevel: null });
  }

  let plainText = '';
  const headings: { level: number; text: string; start: number }[] = [];
  blocks.forEach((block, index) => {
    if (index > 0) plainText += '\n\n';
    if (block.headingLevel !== null)
      headings.push({ level: block.headingLevel, text: block.text, start: plainText.length });
    plainText += block.text;
  });

  const sections: ParsedSection[] = [];
  headings.forEach((heading, index) => {
    const match = ARTICLE_HEADING.exec(heading.text.trim());
    if (!match) return;
    const next = headings.slice(index + 1).find((other) => other.level <= heading.level);
    sections.push({
      number: Number(match[1]),
      title: (match[2] ?? '').trim(),
      heading: heading.text,
      start: heading.start,
      end: next ? trimEnd(plainText, next.start) : plainText.length,
    });
  });
  return { plainText, sections };
}

function inlineText(token: { children: { type: string; content: string }[] | null }): string {
  return (token.children ?? [])
    .map((child) => {
      if (child.type === 'text' || child.type === 'code_inline') return child.content;
      if (child.type === 'softbreak' || child.type === 'hardbreak') return '\n';
      if (child.type === 'image') return child.content;
      return '';
    })
    .join('');
}

/** A section ends before the blank lines that separate it from the next heading. */
function trimEnd(text: string, end: number): number {
  let position = end;
  while (position > 0 && text[position - 1] === '\n') position--;
  return position;
}
