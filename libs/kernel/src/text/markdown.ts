import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * User text is Markdown, stored as written and rendered here on output. Raw HTML in the source is never
 * interpreted (markdown-it `html: false` escapes it), links are limited to http(s) and mailto, and the result
 * goes through sanitize-html as a second, independent line of defence.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const ALLOWED = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
  ],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer', target: '_blank' }) },
};

export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), {
    ...ALLOWED,
    allowedAttributes: { ...ALLOWED.allowedAttributes, a: ['href', 'title', 'rel', 'target'] },
  });
}

/** Block tokens after which the text of the next block starts: a word break in plain text. */
const BLOCK_ENDS = new Set(['paragraph_close', 'heading_close', 'list_item_close', 'blockquote_close', 'hr']);

/**
 * The words a Markdown source shows, as plain text on one line: emphasis, links and headings reduced to their
 * text, code kept as written, raw HTML kept as the characters typed (it is never markup here either), blocks and
 * line breaks joined by one space. What a notification, an e-mail or a queue shows as an excerpt.
 */
export function markdownToPlainText(source: string): string {
  const words: string[] = [];
  for (const token of markdown.parse(source, {})) {
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type === 'softbreak' || child.type === 'hardbreak') words.push(' ');
        else if (child.type === 'image') words.push(child.content);
        else if (child.type === 'text' || child.type === 'code_inline' || child.type === 'html_inline')
          words.push(child.content);
      }
    } else if (token.type === 'fence' || token.type === 'code_block' || token.type === 'html_block') {
      words.push(' ', token.content, ' ');
    } else if (BLOCK_ENDS.has(token.type)) {
      words.push(' ');
    }
  }
  return words.join('').replace(/\s+/g, ' ').trim();
}

/**
 * A plain-text excerpt of a Markdown source, at most `maxCharacters` characters (code points, so an Arabic letter
 * or an emoji is never cut in half), ending with "…" when it was shortened.
 */
export function markdownExcerpt(source: string | null | undefined, maxCharacters: number): string {
  const characters = Array.from(markdownToPlainText(source ?? ''));
  if (characters.length <= maxCharacters) return characters.join('');
  return `${characters
    .slice(0, maxCharacters - 1)
    .join('')
    .trimEnd()}…`;
}
