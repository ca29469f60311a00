import { types } from 'pg';
import { API_TYPE_PARSERS, parseTimestamptz } from './timestamptz';

/** pg's own parser (postgres-date): the reference. */
const reference = (text: string) => types.getTypeParser(1184, 'text')(text) as Date | number | null;
const time = (value: Date | number | null) => (value instanceof Date ? value.getTime() : value);

/** Each text reads as the same instant with parseTimestamptz as with postgres-date (named in a failure). */
function expectSameAsPostgresDate(texts: readonly string[]): void {
  for (const text of texts)
    expect({ text, ours: time(parseTimestamptz(text)) }).toEqual({ text, ours: time(reference(text)) });
}

describe('parseTimestamptz', () => {
  it('reads every millisecond as postgres-date does, however many digits PostgreSQL writes after the point', () => {
    const texts: string[] = ['2026-12-01 23:56:20+00'];
    for (let ms = 0; ms < 1000; ms++) {
      const digits = String(ms).padStart(3, '0');
      texts.push(`2026-12-01 23:56:20.${digits.replace(/0+$/, '') || '0'}+00`);
      texts.push(`2026-12-01 23:56:20.${digits}+00`);
      texts.push(`2024-02-29 00:00:59.${digits}${String((ms * 7919) % 1000).padStart(3, '0')}+00`);
    }
    expectSameAsPostgresDate(texts);
  });

  it('applies an offset in whole hours, across the day, month and year', () => {
    expectSameAsPostgresDate([
      '2026-01-01 00:30:00+05',
      '2025-12-31 23:30:00-03',
      '2024-02-29 23:59:59.999-14',
      '1970-01-01 00:00:00+00',
      '1969-12-31 23:59:59.5+01',
      '0100-03-01 12:00:00+00',
      '9999-12-31 23:59:59.999999+00',
    ]);
  });

  it('leaves every other form to postgres-date', () => {
    expectSameAsPostgresDate([
      'infinity',
      '-infinity',
      '0099-06-01 00:00:00+00',
      '0001-01-01 00:00:00+00 BC',
      '12345-01-01 00:00:00+00',
      '2020-01-01 00:00:00+05:30',
      '2020-01-01 00:00:00+05:30:15',
      '2020-01-01T00:00:00Z',
      '2020-01-01 00:00:00',
    ]);
  });

  it('is what the API pool reads timestamptz with, and only timestamptz', () => {
    expect(API_TYPE_PARSERS.getTypeParser(1184, 'text')).toBe(parseTimestamptz);
    expect(API_TYPE_PARSERS.getTypeParser(1114, 'text')).toBe(types.getTypeParser(1114, 'text'));
    expect(API_TYPE_PARSERS.getTypeParser(23, 'text')).toBe(types.getTypeParser(23, 'text'));
  });
});
