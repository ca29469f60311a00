import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders Markdown and keeps Arabic and French as written', () => {
    expect(renderMarkdown('**Article 3** : الفصل الثالث — « délai »')).toBe(
      '<p><strong>Article 3</strong> : الفصل الثالث — « délai »</p>\n',
    );
  });

  it('never returns executable markup', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](JAVASCRIPT:alert(1))',
    );
    expect(html).not.toMatch(/<script|<img|<[^>]*onerror=|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps safe links, made inert for the opener', () => {
    expect(renderMarkdown('[site](https://example.ma)')).toBe(
      '<p><a href="https://example.ma" rel="nofollow noopener noreferrer" target="_blank">site</a></p>\n',
    );
  });
});
