import type { AnchorResult, AnchorTarget } from './anchor.types';
import { describeSelection } from './describe-selection';
import { reanchor } from './reanchor';
import { type ChainedTarget, reanchorChained, textSimilarity } from './reanchor-chained';

const PREAMBLE = 'Circulaire relative aux zones d’activités offshoring et aux mesures d’incitation.\n\n';
const BODY =
  'Article 1\nLes entreprises installées dans les zones bénéficient d’une prime de 60 000 dirhams par emploi créé, versée en deux tranches.\n\n' +
  'Article 2\nLa décision est notifiée dans un délai de 30 jours à compter du dépôt du dossier complet auprès de la commission.\n\n' +
  'Article 3\nLes modalités d’application sont précisées par arrêté du ministre chargé de l’investissement.\n';
const V1 = PREAMBLE + BODY;

function on(text: string, exact: string): AnchorTarget {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not found: ${exact}`);
  return describeSelection(text, start, start + exact.length);
}

/** Carries `original` through every version of `texts`, as publishing would, and returns each result. */
function chain(original: AnchorTarget, texts: string[]): AnchorResult[] {
  const results: AnchorResult[] = [];
  let previous: ChainedTarget['previous'] = { ...original, status: 'EXACT', score: 1 };
  for (let index = 1; index < texts.length; index++) {
    const [result] = reanchorChained([{ original, previous }], texts[index - 1], texts[index]);
    results.push(result);
    if (result.position === null) break;
    previous = { quote: result.quote!, position: result.position, status: result.status, score: result.score };
  }
  return results;
}

describe('reanchorChained: status and score judged against what the author quoted', () => {
  const quoted = 'une prime de 60 000 dirhams par emploi créé';

  it('stays FUZZY with the same score once the passage changed, even when later versions only move it', () => {
    const v2 = V1.replace('60 000', '65 000');
    const v3 = 'Vu le dahir n° 1-22-76.\n' + v2;
    const v4 = v3.replace('Article 3', 'Article 4');
    const [r2, r3, r4] = chain(on(V1, quoted), [V1, v2, v3, v4]);
    expect(r2.status).toBe('FUZZY');
    expect(r2.score).toBeLessThan(1);
    expect(r3).toEqual(expect.objectContaining({ status: 'FUZZY', score: r2.score }));
    expect(r4).toEqual(expect.objectContaining({ status: 'FUZZY', score: r2.score }));
    expect(v4.slice(r4.position!.start, r4.position!.end)).toBe(quoted.replace('60', '65'));
  });

  it('does not let drift accumulate: the score is against the original, not multiplied step by step', () => {
    const v2 = V1.replace('60 000', '65 000');
    const v3 = v2.replace('65 000', '70 000');
    const [r2, r3] = chain(on(V1, quoted), [V1, v2, v3]);
    const direct = reanchor([on(V1, quoted)], V1, v3)[0];
    expect(r3.status).toBe('FUZZY');
    expect(Math.abs(r3.score - direct.score)).toBeLessThan(0.05);
    expect(Math.abs(r3.score - r2.score)).toBeLessThan(0.05);
  });

  it('returns to EXACT when the text returns to what was quoted, MOVED when it returns elsewhere', () => {
    const v2 = V1.replace('60 000', '65 000');
    const v3 = v2.replace('65 000', '60 000');
    const v4 = 'Vu le dahir.\n' + v2;
    const v5 = 'Vu le dahir.\n' + V1;
    expect(chain(on(V1, quoted), [V1, v2, v3]).map((r) => [r.status, r.score])).toEqual([
      ['FUZZY', expect.any(Number)],
      ['EXACT', 1],
    ]);
    const [, , r5] = chain(on(V1, quoted), [V1, v2, v4, v5]);
    expect(r5).toEqual(expect.objectContaining({ status: 'MOVED', score: 1 }));
    expect(r5.position!.start).toBe(v5.indexOf(quoted));
  });

  it('orphans a passage rewritten step by step beyond recognition of the quote', () => {
    const delay = 'La décision est notifiée dans un délai de 30 jours à compter du dépôt du dossier complet';
    const steps = [
      V1,
      V1.replace('La décision est notifiée', 'La réponse est communiquée'),
      V1.replace('La décision est notifiée', 'La réponse est communiquée').replace('30 jours', 'deux mois'),
      V1.replace(
        'La décision est notifiée dans un délai de 30 jours',
        'La réponse est communiquée sous deux mois',
      ).replace('à compter du dépôt du dossier complet', 'après réception de la demande entière'),
    ];
    const results = chain(on(V1, delay), steps);
    expect(results[0].status).toBe('FUZZY');
    expect(results[results.length - 1].status).toBe('ORPHANED');
  });

  it('keeps whole words at the edges of a FUZZY passage whose first word was replaced', () => {
    const exact = 'Les entreprises installées dans les zones bénéficient';
    const v2 = V1.replace('Les entreprises installées', 'Quinze entreprises installées');
    const [r2] = chain(on(V1, exact), [V1, v2]);
    expect(r2.status).toBe('FUZZY');
    expect(v2.slice(r2.position!.start, r2.position!.end)).toBe(
      'Quinze entreprises installées dans les zones bénéficient',
    );
  });

  it('measures text similarity on a character diff', () => {
    expect(textSimilarity('60 000 dirhams', '60 000 dirhams')).toBe(1);
    expect(textSimilarity('60 000 dirhams', '65 000 dirhams')).toBeCloseTo(1 - 1 / 14);
    expect(textSimilarity('', 'abc')).toBe(0);
  });
});
