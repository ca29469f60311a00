import { KGRAM, KGramIndex } from './kgram-index';

describe('KGramIndex', () => {
  const text =
    'Sans préjudice des dispositions de l’article 5, les établissements… Sans préjudice des dispositions de l’article 12, le conseil…';

  it('finds every occurrence in the indexed ranges, in order', () => {
    const index = new KGramIndex(text, [[0, text.length]]);
    const formula = 'Sans préjudice des dispositions de l’article ';
    expect(index.find(formula, 10)).toEqual([0, text.indexOf(formula, 1)]);
    expect(index.find('l’article 12, le conseil', 10)).toEqual([text.indexOf('l’article 12')]);
    expect(index.find('absent de ce texte', 10)).toEqual([]);
    expect(index.find(formula, 1)).toEqual([0]);
  });

  it('only sees occurrences inside the indexed ranges, and declines short patterns', () => {
    const second = text.indexOf('Sans', 1);
    const index = new KGramIndex(text, [[second, text.length]]);
    expect(index.find('Sans préjudice des dispositions', 10)).toEqual([second]);
    expect(index.find('x'.repeat(KGRAM - 1), 10)).toBeNull();
  });
});
