import { fold, queryStems, snippetHtml } from './snippet';
import { splitQuery } from './search.service';

describe('snippetHtml', () => {
  it.each([
    [
      'French accents and plural',
      'Les réglementations du secteur',
      'reglementation',
      'Les <mark>réglementations</mark> du secteur',
    ],
    [
      'Arabic letter forms and the article',
      'تشجيع الاستثمار في المنطقة',
      'الإستثمار',
      'تشجيع <mark>الاستثمار</mark> في المنطقة',
    ],
    ['Arabic with a clitic', 'والاستثمار مهم', 'استثمار', '<mark>والاستثمار</mark> مهم'],
    ['English stems', 'The training costs', 'cost', 'The training <mark>costs</mark>'],
    ['negated words are not marked', 'plafond et training', 'plafond -training', '<mark>plafond</mark> et training'],
  ])('%s', (_name, text, query, html) => {
    expect(snippetHtml(text, query)).toBe(html);
  });

  it('escapes everything a person wrote', () => {
    expect(snippetHtml('<script>alert("x")</script> plafond & co', 'plafond')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>plafond</mark> &amp; co',
    );
  });

  it('cuts a long text around the first match', () => {
    const words = Array.from({ length: 100 }, (_, index) => `mot${index}`);
    words[60] = 'plafond';
    const html = snippetHtml(words.join(' '), 'plafond');
    expect(html.startsWith('… mot48 ')).toBe(true);
    expect(html).toContain('<mark>plafond</mark>');
    expect(html.endsWith(' …')).toBe(true);
  });

  it('folds like search_normalize', () => {
    expect(fold('ÉCOLE')).toBe('ecole');
    expect(fold('الإِسْتِثْمَـار')).toBe('الاستثمار');
    expect(fold('مدرسة')).toBe('مدرسه');
    expect(queryStems('"le plafond" or -cap')).toEqual(['le', 'plafo']);
  });
});

describe('splitQuery', () => {
  it.each([
    ['plafond cap', true, { text: 'plafond ', prefix: 'cap' }],
    ['plafond cap', false, { text: 'plafond cap', prefix: '' }],
    ['plafond cap ', true, { text: 'plafond cap ', prefix: '' }],
    ['"plafond cap', true, { text: '"plafond cap', prefix: '' }],
    ['"plafond" cap', true, { text: '"plafond" ', prefix: 'cap' }],
  ] as const)('%j (prefix %s)', (query, prefix, expected) => {
    expect(splitQuery(query, prefix)).toEqual(expected);
  });
});

describe('snippetHtml with the stems computed once', () => {
  it('marks the same words as from the query itself, plain ASCII, capitals, accents and Arabic alike', () => {
    const query = 'plafond Réglementation الإستثمار';
    const text = 'Le PLAFOND de 35 % et les reglementations; تشجيع الاستثمار plafonds';
    expect(snippetHtml(text, queryStems(query))).toBe(snippetHtml(text, query));
    expect(snippetHtml(text, query)).toBe(
      'Le <mark>PLAFOND</mark> de 35 % et les <mark>reglementations</mark>; تشجيع <mark>الاستثمار</mark> <mark>plafonds</mark>',
    );
  });

  it('folds plain lower-case words to themselves and the rest as before', () => {
    expect(fold('plafond')).toBe('plafond');
    expect(fold('Plafond')).toBe('plafond');
    expect(fold('œuvre')).toBe('oeuvre');
    expect(fold('Réglementation')).toBe('reglementation');
  });
});
