import { wordDiff } from './word-diff';

describe('wordDiff', () => {
  it('reports changed words and rebuilds both texts', () => {
    const oldText = 'Les établissements de crédit communiquent le rapport annuel.';
    const newText = 'Les établissements de paiement communiquent le rapport semestriel.';
    const parts = wordDiff(oldText, newText);
    expect(
      parts
        .filter((p) => p.op !== 'insert')
        .map((p) => p.text)
        .join(''),
    ).toBe(oldText);
    expect(
      parts
        .filter((p) => p.op !== 'delete')
        .map((p) => p.text)
        .join(''),
    ).toBe(newText);
    expect(parts).toContainEqual({ op: 'delete', text: 'crédit' });
    expect(parts).toContainEqual({ op: 'insert', text: 'paiement' });
    for (let i = 1; i < parts.length; i++) expect(parts[i].op).not.toBe(parts[i - 1].op);
  });

  it('handles identical and empty texts', () => {
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('même texte', 'même texte')).toEqual([{ op: 'equal', text: 'même texte' }]);
    expect(wordDiff('', 'nouveau')).toEqual([{ op: 'insert', text: 'nouveau' }]);
  });
});
