import type { AnchorTarget } from './anchor.types';
import { describeSelection } from './describe-selection';
import { verifyTarget } from './verify-target';

const TEXT = 'Article 2\nLe comité d’audit 📌 examine les comptes annuels.';

function target(start: number, end: number, exact: string, prefix = '', suffix = ''): AnchorTarget {
  return { quote: { exact, prefix, suffix }, position: { start, end } };
}

describe('verifyTarget', () => {
  it('accepts a target built by describeSelection, and empty context', () => {
    const start = TEXT.indexOf('examine');
    expect(verifyTarget(TEXT, describeSelection(TEXT, start, start + 7))).toEqual({ ok: true });
    expect(verifyTarget(TEXT, target(start, start + 7, 'examine'))).toEqual({ ok: true });
    expect(verifyTarget(TEXT, describeSelection(TEXT, 0, TEXT.length))).toEqual({ ok: true });
  });

  it('OUT_OF_RANGE: negative start, end past the text, start after end, non-integers', () => {
    expect(verifyTarget(TEXT, target(-1, 3, 'Art'))).toEqual({ ok: false, reason: 'OUT_OF_RANGE' });
    expect(verifyTarget(TEXT, target(TEXT.length - 2, TEXT.length + 1, 's.'))).toEqual({
      ok: false,
      reason: 'OUT_OF_RANGE',
    });
    expect(verifyTarget(TEXT, target(5, 2, 'xyz'))).toEqual({ ok: false, reason: 'OUT_OF_RANGE' });
    expect(verifyTarget(TEXT, target(0.5, 2, 'r'))).toEqual({ ok: false, reason: 'OUT_OF_RANGE' });
    expect(verifyTarget('', target(0, 1, 'a'))).toEqual({ ok: false, reason: 'OUT_OF_RANGE' });
  });

  it('EMPTY: start === end or empty exact', () => {
    expect(verifyTarget(TEXT, target(4, 4, ''))).toEqual({ ok: false, reason: 'EMPTY' });
    expect(verifyTarget('', target(0, 0, ''))).toEqual({ ok: false, reason: 'EMPTY' });
  });

  it('SPLITS_SURROGATE_PAIR: a boundary between the two halves of 📌', () => {
    const pin = TEXT.indexOf('📌');
    expect(verifyTarget(TEXT, target(pin + 1, pin + 4, TEXT.slice(pin + 1, pin + 4)))).toEqual({
      ok: false,
      reason: 'SPLITS_SURROGATE_PAIR',
    });
    expect(verifyTarget(TEXT, target(pin - 3, pin + 1, TEXT.slice(pin - 3, pin + 1)))).toEqual({
      ok: false,
      reason: 'SPLITS_SURROGATE_PAIR',
    });
    expect(verifyTarget(TEXT, target(pin, pin + 2, '📌'))).toEqual({ ok: true });
  });

  it('QUOTE_MISMATCH: exact, prefix or suffix disagreeing with the text', () => {
    const start = TEXT.indexOf('comité');
    expect(verifyTarget(TEXT, target(start, start + 6, 'comite'))).toEqual({ ok: false, reason: 'QUOTE_MISMATCH' });
    expect(verifyTarget(TEXT, target(start, start + 6, 'comité', 'La '))).toEqual({
      ok: false,
      reason: 'QUOTE_MISMATCH',
    });
    expect(verifyTarget(TEXT, target(start, start + 6, 'comité', 'Le ', ' de'))).toEqual({
      ok: false,
      reason: 'QUOTE_MISMATCH',
    });
    expect(verifyTarget(TEXT, target(0, 7, 'Article', 'x'))).toEqual({ ok: false, reason: 'QUOTE_MISMATCH' });
    expect(verifyTarget(TEXT, target(start, start + 6, 'comité', '\nLe ', ' d’audit'))).toEqual({ ok: true });
  });
});
