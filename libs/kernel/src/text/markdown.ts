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
