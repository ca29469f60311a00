import type { AnchorResult, AnchorTarget } from './anchor.types';
import { describeSelection } from './describe-selection';
import { DEFAULT_MIN_SCORE, reanchor } from './reanchor';

const A1 =
  'Article 1\nLa présente circulaire fixe les règles de gouvernance applicables aux établissements de crédit. Elle s’applique sur une base individuelle et consolidée.\n';
const A2 =
  'Article 2\nSans préjudice des dispositions de l’article 5, les établissements de crédit mettent en place un dispositif de contrôle interne adapté à la nature et au volume de leurs activités. Ce dispositif fait l’objet d’une revue annuelle par le comité d’audit.\n';
const A3 =
  'Article 3\nSans préjudice des dispositions de l’article 5, le conseil d’administration approuve la politique de gestion des risques et en surveille la mise en œuvre. Il est informé sans délai de tout incident significatif par le comité d’audit.\n';
const A4 =
  'Article 4\nLes établissements de crédit communiquent à Bank Al-Maghrib, au plus tard le 31 mars de chaque année, un rapport sur le contrôle interne établi selon le modèle annexé à la présente circulaire.\n';
const A5 =
  'Article 5\nLes modalités d’application de la présente circulaire sont précisées par instruction de Bank Al-Maghrib. Elle entre en vigueur à compter de la date de sa publication au Bulletin officiel.\n';
const OLD = [A1, A2, A3, A4, A5].join('\n');

/** Target on the first occurrence of `exact` at or after `from`. */
function on(text: string, exact: string, from = 0): AnchorTarget {
  const start = text.indexOf(exact, from);
  if (start < 0) throw new Error(`not found: ${exact}`);
  return describeSelection(text, start, start + exact.length);
}

function single(target: AnchorTarget, oldText: string, newText: string, minScore?: number): AnchorResult {
  return reanchor([target], oldText, newText, minScore === undefined ? {} : { minScore })[0];
}

describe('reanchor', () => {
  it('unchanged text → EXACT with score 1 and the same quote', () => {
    const target = on(OLD, 'dispositif de contrôle interne adapté');
    expect(single(target, OLD, OLD)).toEqual({
      status: 'EXACT',
      position: target.position,
      quote: target.quote,
      score: 1,
    });
  });

  it('insertion before the passage → MOVED with shifted offsets', () => {
    const preamble = 'Vu la loi n° 103-12 relative aux établissements de crédit et organismes assimilés ;\n\n';
    const target = on(OLD, 'au plus tard le 31 mars de chaque année');
    const r = single(target, OLD, preamble + OLD);
    expect(r.status).toBe('MOVED');
    expect(r.score).toBe(1);
    expect(r.position).toEqual({
      start: target.position.start + preamble.length,
      end: target.position.end + preamble.length,
    });
    expect(r.quote).toEqual(target.quote);
  });

  it('article moved elsewhere as a block → MOVED to its new place', () => {
    const newText = [A1, A3, A4, A5, A2].join('\n');
    const exact = 'mettent en place un dispositif de contrôle interne';
    const r = single(on(OLD, exact), OLD, newText);
    expect(r.status).toBe('MOVED');
    expect(r.position).toEqual({ start: newText.indexOf(exact), end: newText.indexOf(exact) + exact.length });
  });

  it('a word changed inside the passage → FUZZY on the edited range, score in [minScore, 1)', () => {
    const newText = OLD.replace('au plus tard le 31 mars', 'au plus tard le 30 avril');
    const target = on(OLD, 'communiquent à Bank Al-Maghrib, au plus tard le 31 mars de chaque année, un rapport');
    const r = single(target, OLD, newText);
    const expected = 'communiquent à Bank Al-Maghrib, au plus tard le 30 avril de chaque année, un rapport';
    expect(r.status).toBe('FUZZY');
    expect(r.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
    expect(r.score).toBeLessThan(1);
    expect(r.position).toEqual({ start: newText.indexOf(expected), end: newText.indexOf(expected) + expected.length });
    expect(r.quote?.exact).toBe(expected);
    expect(r.quote?.prefix).toBe(target.quote.prefix);
  });

  it('a stricter minScore turns the same edit into ORPHANED', () => {
    const newText = OLD.replace('le 31 mars de chaque année', 'le 30 avril de chaque exercice');
    const r = single(on(OLD, 'au plus tard le 31 mars de chaque année'), OLD, newText, 0.95);
    expect(r).toEqual({ status: 'ORPHANED', position: null, quote: null, score: 0 });
  });

  it('passage deleted while the same formula survives in another article → ORPHANED', () => {
    const newText = [A1, A3, A4, A5].join('\n');
    const formula = 'Sans préjudice des dispositions de l’article 5';
    expect(newText.includes(formula)).toBe(true);
    for (const exact of [
      formula,
      'Sans préjudice des dispositions de l’article 5, les établissements de crédit',
      'dispositif de contrôle interne',
    ]) {
      expect(single(on(OLD, exact, OLD.indexOf('Article 2')), OLD, newText).status).toBe('ORPHANED');
    }
    // The same formula in article 3, which survived, still anchors where it is.
    const kept = single(on(OLD, formula, OLD.indexOf('Article 3')), OLD, newText);
    expect(kept.status).toBe('MOVED');
    expect(kept.position?.start).toBe(newText.indexOf(formula));
  });

  it('passage rewritten beyond recognition → ORPHANED', () => {
    const rewritten =
      'Article 4\nToute défaillance du système d’information est signalée dans les quarante-huit heures, avec une estimation de son impact financier et opérationnel.\n';
    const newText = [A1, A2, A3, rewritten, A5].join('\n');
    for (const exact of [
      'communiquent à Bank Al-Maghrib',
      'un rapport sur le contrôle interne établi selon le modèle annexé',
    ]) {
      expect(single(on(OLD, exact), OLD, newText).status).toBe('ORPHANED');
    }
  });

  it('duplicate quotes in the same text are told apart by position and context', () => {
    const quote = 'par le comité d’audit';
    const first = on(OLD, quote);
    const second = on(OLD, quote, first.position.end);
    expect(second.position.start).toBeGreaterThan(first.position.start);
    const newText = [A1, A2.replace('revue annuelle', 'revue semestrielle approfondie'), A3, A4, A5].join('\n');
    const [r1, r2] = reanchor([first, second], OLD, newText);
    expect(r1.position?.start).toBe(newText.indexOf(quote));
    expect(r2.position?.start).toBe(newText.indexOf(quote, newText.indexOf('Article 3')));
    // A stale position is repaired from the quote: its context picks the right occurrence.
    const stale: AnchorTarget = { quote: second.quote, position: { start: 3, end: 3 + quote.length } };
    expect(single(stale, OLD, OLD).position).toEqual(second.position);
  });

  it('empty texts and empty targets', () => {
    expect(reanchor([], '', '')).toEqual([]);
    const target = on(OLD, 'Article 1');
    expect(single(target, OLD, '').status).toBe('ORPHANED');
    expect(single(target, '', OLD).status).toBe('ORPHANED'); // the quote is not in the old text
    expect(single(describeSelection(OLD, 5, 5), OLD, OLD).status).toBe('ORPHANED');
    expect(single(describeSelection('x', 0, 1), 'x', 'x')).toMatchObject({
      status: 'EXACT',
      position: { start: 0, end: 1 },
    });
  });

  it('a long passage whose first and last words changed is found by its head and tail', () => {
    const exact = OLD.slice(OLD.indexOf('établissements de crédit mettent'), OLD.indexOf(' à la présente circulaire'));
    expect(exact.length).toBeGreaterThan(400); // beyond LONG_QUOTE: matched by head and tail
    const newText = OLD.replace('établissements de crédit mettent', 'sociétés de financement mettent').replace(
      'le modèle annexé',
      'le modèle joint',
    );
    const r = single(on(OLD, exact), OLD, newText);
    const expectedStart = newText.indexOf('sociétés de financement mettent');
    const expectedEnd = newText.indexOf('modèle joint') + 'modèle joint'.length;
    expect(r.status).toBe('FUZZY');
    const overlap = Math.min(r.position!.end, expectedEnd) - Math.max(r.position!.start, expectedStart);
    expect(overlap / Math.max(expectedEnd - expectedStart, r.position!.end - r.position!.start)).toBeGreaterThan(0.97);
  });

  it('is deterministic and keeps the order of the targets', () => {
    const newText = [A1, A3, A2.replace('annuelle', 'semestrielle'), A5].join('\n');
    const targets = [
      'Article 1',
      'revue annuelle par le comité',
      'politique de gestion des risques',
      'au plus tard le 31 mars',
    ].map((e) => on(OLD, e));
    const a = reanchor(targets, OLD, newText);
    expect(reanchor(targets, OLD, newText)).toEqual(a);
    expect(a.map((r) => r.status)).toEqual(['EXACT', 'FUZZY', 'MOVED', 'ORPHANED']);
  });
});
