import { verifyTarget } from '@majlis/anchoring';
import {
  offsetToPoint,
  offsetsToRange,
  pointToOffset,
  rangeToTarget,
  splitBlocks,
  targetFromOffsets,
  TextIndex,
} from './text-map';

/** Renders a plain text the way the reader does: one element per block, markers outside the text. */
function render(plainText: string, options: { markers?: boolean; split?: boolean } = {}): HTMLElement {
  const root = document.createElement('div');
  for (const block of splitBlocks(plainText)) {
    const p = document.createElement('p');
    p.setAttribute('data-offset', String(block.start));
    if (options.split && block.text.length > 4) {
      // Text split across several nodes and an inline element, as a future renderer might do.
      const third = Math.floor(block.text.length / 3);
      p.append(block.text.slice(0, third));
      const em = document.createElement('em');
      em.textContent = block.text.slice(third, 2 * third);
      p.append(em, block.text.slice(2 * third));
    } else {
      p.textContent = block.text;
    }
    if (options.markers) {
      const marker = document.createElement('span');
      marker.setAttribute('data-text-skip', '');
      marker.textContent = '✱ 3';
      p.append(marker);
    }
    root.append(p);
  }
  document.body.replaceChildren(root);
  return root;
}

/** Selects [start, end) through the DOM (as a person would) and returns what the API would receive. */
function select(root: HTMLElement, plainText: string, start: number, end: number) {
  const range = offsetsToRange(root, start, end)!;
  expect(range.toString().replace(/✱ 3/g, '')).toBe(plainText.slice(start, end).replace(/\n\n/g, ''));
  return rangeToTarget(root, plainText, range)!;
}

function expectVerified(plainText: string, target: NonNullable<ReturnType<typeof targetFromOffsets>>) {
  expect(
    verifyTarget(plainText, {
      quote: { exact: target.exact, prefix: target.prefix, suffix: target.suffix },
      position: { start: target.start, end: target.end },
    }),
  ).toEqual({ ok: true });
}

const LATIN =
  "Article 3 — Aide à la formation initiale\n\nLe montant de l'aide est plafonné à 60 000 dirhams par emploi créé.\nLa formation dure 200 heures.";
const ARABIC = 'المادة 3 — الإعانة على التكوين الأولي\n\nيُحدَّد سقف الإعانة في 60 000 درهم عن كل منصب شغل مُحدث.';
const MIXED =
  'La circulaire «دورية رقم 15/2025» entre en vigueur le 1er janvier 2026 (المادة 12).\n\nيطبق ICE رقم 001234567000089 ابتداءً من 2026.';
const EMOJI = 'Soutien 👍🏽 unanime 🇲🇦 au texte.\n\nDeuxième 𝔸 bloc 😀 ici.';

describe.each([
  ['Latin', LATIN],
  ['Arabic', ARABIC],
  ['mixed direction with digits', MIXED],
  ['emoji (surrogate pairs)', EMOJI],
])('text map on %s text', (_name, plainText) => {
  it.each([
    { split: false, markers: false },
    { split: true, markers: true },
  ])('maps every offset to a DOM point and back (%o)', (options) => {
    const root = render(plainText, options);
    for (const block of splitBlocks(plainText)) {
      for (let offset = block.start; offset <= block.start + block.text.length; offset++) {
        const point = offsetToPoint(root, offset)!;
        expect(pointToOffset(root, point)).toBe(offset);
      }
    }
  });

  it('turns a selection inside one block into a target the API verifies', () => {
    const root = render(plainText, { markers: true });
    const [first] = splitBlocks(plainText);
    const start = Math.floor(first!.text.length / 4);
    const end = Math.floor((3 * first!.text.length) / 4);
    const target = select(root, plainText, start, end);
    expectVerified(plainText, target);
    expect(target.exact).toBe(plainText.slice(target.start, target.end));
    expect(target.prefix.length).toBeLessThanOrEqual(32);
    expect(target.suffix.length).toBeLessThanOrEqual(32);
  });

  it('turns a selection across two blocks into the plain text between them (blank lines included)', () => {
    const root = render(plainText, { split: true });
    const [first, second] = splitBlocks(plainText);
    const target = select(root, plainText, first!.start + 2, second!.start + 5);
    expectVerified(plainText, target);
    expect(target.exact).toContain('\n\n');
  });

  it('maps a point between blocks to the end of the previous block or the start of the next', () => {
    const root = render(plainText);
    const [first, second] = splitBlocks(plainText);
    const between = { node: root, offset: 1 };
    expect(pointToOffset(root, between, 'end')).toBe(first!.start + first!.text.length);
    expect(pointToOffset(root, between, 'start')).toBe(second!.start);
  });
});

describe('targets', () => {
  it('trims white space at both ends of a selection', () => {
    const target = targetFromOffsets(LATIN, 41, 60)!;
    expect(target.exact.startsWith('Le')).toBe(true);
    expect(target.start).toBe(LATIN.indexOf('Le montant'));
  });

  it('never splits a surrogate pair, at either end', () => {
    const heart = EMOJI.indexOf('👍');
    const inside = targetFromOffsets(EMOJI, heart + 1, heart + 3)!;
    expect(inside.start).toBe(heart);
    expect(inside.exact.startsWith('👍')).toBe(true);
    expectVerified(EMOJI, inside);
    const flag = EMOJI.indexOf('🇲🇦');
    const end = targetFromOffsets(EMOJI, 0, flag + 1)!;
    expect(end.end).toBe(flag + 2);
    expectVerified(EMOJI, end);
  });

  it('keeps context short of a surrogate pair rather than split it', () => {
    const text = '😀'.repeat(40) + 'mot' + '😀'.repeat(40);
    const start = text.indexOf('mot');
    const target = targetFromOffsets(text, start, start + 3)!;
    expectVerified(text, target);
    expect(target.prefix.length % 2).toBe(0);
    expect(target.suffix.length % 2).toBe(0);
  });

  it('is null for a selection of white space only', () => {
    expect(targetFromOffsets(LATIN, 40, 42)).toBeNull();
  });

  it('is null for a selection outside the reader', () => {
    const root = render(LATIN);
    const outside = document.createElement('p');
    outside.textContent = 'ailleurs';
    document.body.append(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    expect(rangeToTarget(root, LATIN, range)).toBeNull();
  });
});

describe('splitBlocks', () => {
  it('splits on blank lines and keeps single line breaks inside a block', () => {
    expect(splitBlocks('a\nb\n\nc')).toEqual([
      { start: 0, text: 'a\nb' },
      { start: 5, text: 'c' },
    ]);
  });
  it('limits itself to a range', () => {
    expect(splitBlocks('aa\n\nbb\n\ncc', 4, 6)).toEqual([{ start: 4, text: 'bb' }]);
  });
});

describe('TextIndex', () => {
  it.each([LATIN, ARABIC, MIXED, EMOJI])('finds the same DOM points as offsetToPoint', (plainText) => {
    const root = render(plainText, { split: true, markers: true });
    const index = new TextIndex(root);
    for (let offset = 0; offset <= plainText.length; offset++) {
      const expected = offsetToPoint(root, offset);
      const actual = index.pointAt(offset);
      expect(pointToOffset(root, actual!)).toBe(pointToOffset(root, expected!));
    }
    const range = index.range(3, plainText.length - 2)!;
    expect(rangeToTarget(root, plainText, range)).toEqual(
      rangeToTarget(root, plainText, offsetsToRange(root, 3, plainText.length - 2)!),
    );
  });
});
