import { alignTexts } from './text-alignment';

const A1 =
  'Article 1\nLa présente circulaire fixe les règles de gouvernance applicables aux établissements de crédit. Elle s’applique sur une base individuelle et consolidée.\n';
const A2 =
  'Article 2\nLes établissements de crédit mettent en place un dispositif de contrôle interne adapté à la nature et au volume de leurs activités. Ce dispositif fait l’objet d’une revue annuelle par le comité d’audit.\n';
const A3 =
  'Article 3\nLe conseil d’administration approuve la politique de gestion des risques et en surveille la mise en œuvre. Il est informé sans délai de tout incident significatif affectant la continuité de l’activité.\n';
const A4 =
  'Article 4\nLes établissements de crédit communiquent à Bank Al-Maghrib, au plus tard le 31 mars de chaque année, un rapport sur le contrôle interne établi selon le modèle annexé.\n';

describe('alignTexts', () => {
  it('maps every offset of identical texts to itself', () => {
    const text = [A1, A2, A3].join('\n');
    const al = alignTexts(text, text);
    for (const o of [0, 17, 200, text.length - 1]) expect(al.mapOffset(o)).toBe(o);
    expect(al.mapOffset(text.length)).toBe(text.length);
    expect(al.isRangeUnchanged(0, text.length)).toBe(true);
    expect(al.segmentCount).toBe(1);
  });

  it('shifts offsets after an insertion and maps deleted characters to null', () => {
    const oldText = [A1, A2, A3].join('\n');
    const inserted = 'Préambule : la présente version remplace la précédente.\n\n';
    const newText = inserted + [A1, A3].join('\n');
    const al = alignTexts(oldText, newText);
    expect(al.mapOffset(0)).toBe(inserted.length);
    const inA3 = oldText.indexOf('conseil');
    expect(al.mapOffset(inA3)).toBe(newText.indexOf('conseil'));
    expect(al.mapOffset(oldText.indexOf('dispositif de contrôle'))).toBeNull();
    expect(al.isRangeUnchanged(inA3, inA3 + 40)).toBe(true);
    expect(al.isRangeUnchanged(oldText.indexOf('Article 2'), oldText.indexOf('Article 3'))).toBe(false);
    expect(al.mapOffset(-1)).toBeNull();
    expect(al.mapOffset(oldText.length + 1)).toBeNull();
  });

  it('aligns an edited word at character level and reports the range as changed', () => {
    const oldText = [A1, A4].join('\n');
    const newText = oldText.replace('31 mars', '30 avril');
    const al = alignTexts(oldText, newText);
    const rapport = oldText.indexOf('un rapport');
    expect(al.mapOffset(rapport)).toBe(newText.indexOf('un rapport'));
    const date = oldText.indexOf('31 mars');
    expect(al.isRangeUnchanged(date, date + 7)).toBe(false);
    expect(al.isRangeUnchanged(rapport, rapport + 10)).toBe(true);
    expect(al.mapOffset(date + 1)).toBeNull(); // "1" of 31 became "0"
  });

  it('follows an article moved as a block', () => {
    const oldText = [A1, A2, A3, A4].join('\n');
    const newText = [A1, A3, A4, A2].join('\n');
    const al = alignTexts(oldText, newText);
    for (const word of ['dispositif de contrôle interne', 'politique de gestion', 'au plus tard le 31 mars']) {
      const o = oldText.indexOf(word);
      expect(al.mapOffset(o)).toBe(newText.indexOf(word));
      expect(al.isRangeUnchanged(o, o + word.length)).toBe(true);
    }
  });

  it('handles empty texts', () => {
    expect(alignTexts('', '').mapOffset(0)).toBe(0);
    const al = alignTexts('', A1);
    expect(al.mapOffset(0)).toBe(A1.length);
    expect(alignTexts(A1, '').mapOffset(3)).toBeNull();
    expect(alignTexts(A1, '').isRangeUnchanged(0, 3)).toBe(false);
  });
});
