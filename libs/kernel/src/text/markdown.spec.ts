import { markdownExcerpt, renderMarkdown } from './markdown';

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

describe('markdownExcerpt', () => {
  it('shows the words, not the markup', () => {
    expect(markdownExcerpt('Le seuil est relevé à **65 000 dirhams** ([voir](https://example.ma)).', 200)).toBe(
      'Le seuil est relevé à 65 000 dirhams (voir).',
    );
  });

  it('joins blocks and line breaks with one space and keeps code and typed HTML as characters', () => {
    expect(markdownExcerpt('# Titre\n\n- un\n- deux\n\n> cité\nsuite `a < b` <b>x</b>', 200)).toBe(
      'Titre un deux cité suite a < b <b>x</b>',
    );
  });

  it('keeps Arabic and mixed-direction text whole and cuts on characters, with an ellipsis', () => {
    expect(markdownExcerpt('**المادة 3** تنص على 65 000 درهم', 200)).toBe('المادة 3 تنص على 65 000 درهم');
    const cut = markdownExcerpt('😀'.repeat(10), 5);
    expect(cut).toBe('😀😀😀😀…');
    expect(Array.from(cut)).toHaveLength(5);
  });

  it('is empty for an empty or missing body', () => {
    expect(markdownExcerpt('', 10)).toBe('');
    expect(markdownExcerpt(null, 10)).toBe('');
  });
});
