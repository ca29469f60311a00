import { renderMarkdown } from './markdown-render';

describe('the Markdown preview', () => {
  it('renders the formatting the API renders', () => {
    expect(renderMarkdown('**Article 3** : *plafond*\n\n- un\n- deux')).toBe(
      '<p><strong>Article 3</strong> : <em>plafond</em></p>\n<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n',
    );
  });

  it('never interprets raw HTML, nor script URLs', () => {
    const html = renderMarkdown('<img src=x onerror="alert(1)"> [lien](javascript:alert(1)) <script>x</script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('href="javascript');
  });

  it('keeps http(s) links, opened apart and without referrer', () => {
    const html = renderMarkdown('[circulaire](https://example.org/c15)');
    const link = new DOMParser().parseFromString(html, 'text/html').querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org/c15');
    expect(link?.getAttribute('rel')).toBe('nofollow noopener noreferrer');
  });
});
