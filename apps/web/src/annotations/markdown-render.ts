import MarkdownIt from 'markdown-it';

/**
 * The preview of a Markdown body, loaded on demand (its own chunk, never in the initial bundle).
 * It renders like the API (libs/kernel text/markdown: markdown-it with raw HTML escaped) and then keeps only an
 * allow-list of elements and attributes, with http(s)/mailto links, as a second line of defence.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const ALLOWED_TAGS = new Set([
  'P',
  'BR',
  'STRONG',
  'EM',
  'DEL',
  'S',
  'CODE',
  'PRE',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'LI',
  'A',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
]);
const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = { A: ['href', 'title'], OL: ['start'] };
const SAFE_URL = /^(https?:|mailto:)/i;

function clean(node: Element): void {
  for (const child of [...node.children]) {
    if (!ALLOWED_TAGS.has(child.tagName)) {
      child.replaceWith(document.createTextNode(child.textContent ?? ''));
      continue;
    }
    const allowed = ALLOWED_ATTRIBUTES[child.tagName] ?? [];
    for (const attribute of [...child.attributes]) {
      if (!allowed.includes(attribute.name)) child.removeAttribute(attribute.name);
    }
    if (child.tagName === 'A') {
      const href = child.getAttribute('href') ?? '';
      if (!SAFE_URL.test(href.trim())) child.removeAttribute('href');
      child.setAttribute('rel', 'nofollow noopener noreferrer');
      child.setAttribute('target', '_blank');
    }
    clean(child);
  }
}

export function renderMarkdown(source: string): string {
  const template = document.createElement('template');
  template.innerHTML = markdown.render(source);
  const root = document.createElement('div');
  root.appendChild(template.content);
  clean(root);
  return root.innerHTML;
}
