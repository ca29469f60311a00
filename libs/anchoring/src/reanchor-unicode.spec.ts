import type { AnchorTarget } from './anchor.types';
import { describeSelection } from './describe-selection';
import { reanchor } from './reanchor';
import { splitsSurrogatePair } from './surrogates';
import { verifyTarget } from './verify-target';

function on(text: string, exact: string, from = 0): AnchorTarget {
  const start = text.indexOf(exact, from);
  if (start < 0) throw new Error(`not found: ${exact}`);
  return describeSelection(text, start, start + exact.length);
}

const AR1 = 'المادة 1\nتحدد هذه الدورية قواعد الحكامة المطبقة على مؤسسات الائتمان، وتطبق على أساس فردي وموحد.\n';
const AR2 =
  'المادة 2\nمع مراعاة أحكام المادة 5، تضع مؤسسات الائتمان نظاما للمراقبة الداخلية يتلاءم مع طبيعة وحجم أنشطتها. ويخضع هذا النظام لمراجعة سنوية من طرف لجنة التدقيق.\n';
const AR3 =
  'المادة 3\nمع مراعاة أحكام المادة 5، يصادق مجلس الإدارة على سياسة تدبير المخاطر ويتتبع تنفيذها. ويتم إخباره دون تأخير بكل حادث هام يمس استمرارية النشاط.\n';
const AR4 =
  'المادة 4\nتوجه مؤسسات الائتمان إلى بنك المغرب، قبل 31 مارس من كل سنة، تقريرا حول المراقبة الداخلية وفق النموذج الملحق بهذه الدورية.\n';
const ARABIC = [AR1, AR2, AR3, AR4].join('\n');

const MIXED =
  'Article 6 — المادة 6\nLes établissements de crédit publient leurs états financiers (تنشر مؤسسات الائتمان قوائمها المالية) avant le 30 juin de chaque année.\n\n' +
  'Article 7 — المادة 7\nLe comité d’audit (لجنة التدقيق) examine les comptes annuels et rend compte au conseil d’administration.\n';

const EMOJI =
  '📌 Article 8 — 𝐈𝐦𝐩𝐨𝐫𝐭𝐚𝐧𝐭\nLes établissements 🏦 déclarent tout incident 🚨 significatif à Bank Al-Maghrib dans un délai de 24 heures.\n\n' +
  '📌 Article 9\nLes données 🔐 des clients sont conservées pendant dix ans 📁 au moins.\n';

describe('reanchor — Arabic, right-to-left and mixed scripts', () => {
  it('Arabic: unchanged → EXACT, insertion before → MOVED with shifted offsets', () => {
    const target = on(ARABIC, 'نظاما للمراقبة الداخلية');
    expect(reanchor([target], ARABIC, ARABIC)[0]).toMatchObject({
      status: 'EXACT',
      position: target.position,
      score: 1,
    });
    const preamble = 'بناء على القانون رقم 103.12 المتعلق بمؤسسات الائتمان والهيئات المعتبرة في حكمها؛\n\n';
    const moved = reanchor([target], ARABIC, preamble + ARABIC)[0];
    expect(moved.status).toBe('MOVED');
    expect(moved.position).toEqual({
      start: target.position.start + preamble.length,
      end: target.position.end + preamble.length,
    });
  });

  it('Arabic: a word changed inside the passage → FUZZY on the edited range', () => {
    const newText = ARABIC.replace('لمراجعة سنوية', 'لمراجعة نصف سنوية');
    const r = reanchor([on(ARABIC, 'ويخضع هذا النظام لمراجعة سنوية من طرف لجنة التدقيق')], ARABIC, newText)[0];
    const expected = 'ويخضع هذا النظام لمراجعة نصف سنوية من طرف لجنة التدقيق';
    expect(r.status).toBe('FUZZY');
    expect(r.position).toEqual({ start: newText.indexOf(expected), end: newText.indexOf(expected) + expected.length });
  });

  it('Arabic: a deleted article is ORPHANED even though its formula survives elsewhere', () => {
    const newText = [AR1, AR3, AR4].join('\n');
    const formula = 'مع مراعاة أحكام المادة 5';
    expect(newText.includes(formula)).toBe(true);
    expect(reanchor([on(ARABIC, formula)], ARABIC, newText)[0].status).toBe('ORPHANED');
  });

  it('mixed French/Arabic passages keep their offsets and follow edits', () => {
    const target = on(MIXED, 'états financiers (تنشر مؤسسات الائتمان قوائمها المالية) avant le 30 juin');
    const newText = MIXED.replace('30 juin', '31 mai').replace('Le comité d’audit', 'Le comité des risques');
    const [fuzzy, moved] = reanchor([target, on(MIXED, '(لجنة التدقيق) examine les comptes')], MIXED, newText);
    const expected = 'états financiers (تنشر مؤسسات الائتمان قوائمها المالية) avant le 31 mai';
    expect(fuzzy.status).toBe('FUZZY');
    expect(fuzzy.position).toEqual({
      start: newText.indexOf(expected),
      end: newText.indexOf(expected) + expected.length,
    });
    expect(moved.status).toBe('MOVED');
    expect(newText.slice(moved.position!.start, moved.position!.end)).toBe('(لجنة التدقيق) examine les comptes');
  });
});

describe('reanchor — emoji and other astral characters (surrogate pairs)', () => {
  it('counts astral characters as two code units when shifting offsets', () => {
    const target = on(EMOJI, 'incident 🚨 significatif');
    const inserted = '⚠️🔔 ';
    expect(inserted.length).toBe(5);
    const r = reanchor([target], EMOJI, inserted + EMOJI)[0];
    expect(r.status).toBe('MOVED');
    expect(r.position).toEqual({ start: target.position.start + 5, end: target.position.end + 5 });
    expect(r.quote?.exact).toBe('incident 🚨 significatif');
  });

  it('an emoji replaced inside the passage → FUZZY whose boundaries keep whole characters', () => {
    const newText = EMOJI.replace('🚨', '🔥🔥');
    const r = reanchor([on(EMOJI, 'tout incident 🚨 significatif')], EMOJI, newText)[0];
    expect(r.status).toBe('FUZZY');
    expect(r.quote?.exact).toBe('tout incident 🔥🔥 significatif');
  });

  it('never returns a range that splits a surrogate pair, whatever the edits', () => {
    const alphabet = ['a', 'é', ' ', '📌', '𝐈', 'ب', '🏦', '\n', 'x', '🔐'];
    let seed = 42;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const boundaries = (text: string): number[] =>
      [...Array(text.length + 1).keys()].filter((o) => !splitsSurrogatePair(text, o));
    for (let round = 0; round < 20; round++) {
      // Edit the text: a few insertions and deletions of whole characters near random places.
      let newText = EMOJI;
      for (let k = 0; k < 4; k++) {
        const cuts = boundaries(newText);
        const at = cuts[rand(cuts.length)];
        const next = cuts.find((c) => c > at) ?? at;
        newText =
          rand(2) === 0
            ? newText.slice(0, at) + alphabet[rand(alphabet.length)] + newText.slice(at)
            : newText.slice(0, at) + newText.slice(next);
      }
      const cuts = boundaries(EMOJI);
      const targets: AnchorTarget[] = [];
      for (let k = 0; k < 15; k++) {
        const s = cuts[rand(cuts.length - 1)];
        const e = cuts[Math.min(cuts.length - 1, cuts.indexOf(s) + 3 + rand(30))];
        targets.push(describeSelection(EMOJI, s, e));
      }
      for (const [k, r] of reanchor(targets, EMOJI, newText).entries()) {
        if (r.status === 'ORPHANED') continue;
        const position = r.position!;
        expect(splitsSurrogatePair(newText, position.start)).toBe(false);
        expect(splitsSurrogatePair(newText, position.end)).toBe(false);
        expect(verifyTarget(newText, { quote: r.quote!, position })).toEqual({ ok: true });
        if (r.status !== 'FUZZY') expect(r.quote!.exact).toBe(targets[k].quote.exact);
        expect(r.score).toBeGreaterThanOrEqual(0.7);
      }
    }
  });
});
