import { cursorAt, moveCursor, segmentText } from './reading-cursor';

const FR = "Le montant de l'aide est plafonné. La formation dure 200 heures.\n\nArticle suivant.";
const AR = 'يُحدَّد سقف الإعانة في 60 000 درهم. تُصرف على دفعتين.';

const text = (source: string, cursor: { start: number; end: number } | null) =>
  cursor ? source.slice(cursor.start, cursor.end) : null;

describe('reading cursor', () => {
  const fr = segmentText(FR, 'fr');

  it('starts on the first word and moves word by word', () => {
    let cursor = moveCursor(null, fr, 'next-word', false);
    expect(text(FR, cursor)).toBe('Le');
    cursor = moveCursor(cursor, fr, 'next-word', false);
    expect(text(FR, cursor)).toBe('montant');
    cursor = moveCursor(cursor, fr, 'previous-word', false);
    expect(text(FR, cursor)).toBe('Le');
  });

  it('extends by words with Shift and shrinks back', () => {
    let cursor = cursorAt(fr, FR.indexOf('montant'));
    cursor = moveCursor(cursor, fr, 'next-word', true);
    cursor = moveCursor(cursor, fr, 'next-word', true);
    expect(text(FR, cursor)).toBe("montant de l'aide"); // the French segmenter keeps l'aide whole
    cursor = moveCursor(cursor, fr, 'previous-word', true);
    expect(text(FR, cursor)).toBe('montant de');
  });

  it('selects whole sentences, never across a blank line', () => {
    let cursor = moveCursor(null, fr, 'next-sentence', false);
    expect(text(FR, cursor)).toBe("Le montant de l'aide est plafonné.");
    cursor = moveCursor(cursor, fr, 'next-sentence', false);
    expect(text(FR, cursor)).toBe('La formation dure 200 heures.');
    cursor = moveCursor(cursor, fr, 'next-sentence', false);
    expect(text(FR, cursor)).toBe('Article suivant.');
  });

  it('extends over two sentences', () => {
    let cursor = moveCursor(null, fr, 'next-sentence', false);
    cursor = moveCursor(cursor, fr, 'next-sentence', true);
    expect(text(FR, cursor)).toBe("Le montant de l'aide est plafonné. La formation dure 200 heures.");
  });

  it('cuts Arabic words and sentences', () => {
    const ar = segmentText(AR, 'ar');
    let cursor = moveCursor(null, ar, 'next-word', false);
    expect(text(AR, cursor)).toBe('يُحدَّد');
    cursor = moveCursor(cursor, ar, 'next-word', true);
    expect(text(AR, cursor)).toBe('يُحدَّد سقف');
    expect(text(AR, moveCursor(null, ar, 'next-sentence', false))).toBe('يُحدَّد سقف الإعانة في 60 000 درهم.');
  });

  it('stays at the ends of the text', () => {
    const last = cursorAt(fr, FR.length - 3);
    expect(text(FR, moveCursor(last, fr, 'next-word', false))).toBe('suivant');
  });
});
