import { describeSelection } from './describe-selection';

const TEXT = 'Article 1\nLes établissements de crédit mettent en place un dispositif de contrôle interne.';

describe('describeSelection', () => {
  it('builds exact, prefix and suffix of up to 32 code units by default', () => {
    const start = TEXT.indexOf('mettent');
    const end = start + 'mettent en place'.length;
    const target = describeSelection(TEXT, start, end);
    expect(target.position).toEqual({ start, end });
    expect(target.quote.exact).toBe('mettent en place');
    expect(target.quote.prefix).toBe(TEXT.slice(start - 32, start));
    expect(target.quote.suffix).toBe(TEXT.slice(end, end + 32));
  });

  it('shortens the context at the edges of the text', () => {
    const atStart = describeSelection(TEXT, 0, 7);
    expect(atStart.quote).toEqual({ exact: 'Article', prefix: '', suffix: TEXT.slice(7, 39) });
    const atEnd = describeSelection(TEXT, TEXT.length - 8, TEXT.length);
    expect(atEnd.quote.suffix).toBe('');
    expect(atEnd.quote.exact).toBe('interne.');
    const whole = describeSelection(TEXT, 0, TEXT.length, 10);
    expect(whole.quote).toEqual({ exact: TEXT, prefix: '', suffix: '' });
  });

  it('honours a custom context length, including zero', () => {
    const start = TEXT.indexOf('crédit');
    expect(describeSelection(TEXT, start, start + 6, 4).quote).toEqual({
      exact: 'crédit',
      prefix: ' de ',
      suffix: ' met',
    });
    expect(describeSelection(TEXT, start, start + 6, 0).quote).toEqual({ exact: 'crédit', prefix: '', suffix: '' });
  });

  it('never splits a surrogate pair in the context', () => {
    const text = 'a😀bcd📌e';
    // "bcd" is at [3, 6); 1 code unit of context would take half of 😀 and half of 📌.
    expect(describeSelection(text, 3, 6, 1).quote).toEqual({ exact: 'bcd', prefix: '', suffix: '' });
    expect(describeSelection(text, 3, 6, 2).quote).toEqual({ exact: 'bcd', prefix: '😀', suffix: '📌' });
    expect(describeSelection(text, 3, 6, 3).quote).toEqual({ exact: 'bcd', prefix: 'a😀', suffix: '📌e' });
    expect(describeSelection(text, 3, 6, 4).quote).toEqual({ exact: 'bcd', prefix: 'a😀', suffix: '📌e' });
  });

  it('clamps and orders out-of-range offsets, and handles the empty text', () => {
    expect(describeSelection(TEXT, 12, 5).position).toEqual({ start: 5, end: 12 });
    expect(describeSelection(TEXT, -4, 3).position).toEqual({ start: 0, end: 3 });
    expect(describeSelection(TEXT, 80, 1000).position).toEqual({ start: 80, end: TEXT.length });
    expect(describeSelection('', 0, 0)).toEqual({
      quote: { exact: '', prefix: '', suffix: '' },
      position: { start: 0, end: 0 },
    });
  });
});
