import { z } from 'zod';
import { InvalidInputError } from '../errors/domain-error';
import { parseInput } from './parse-input';
import { emailAddress, foldName, hasInvisibleCharacters, singleLineText, unstorableTextProblem } from './text-fields';

describe('parseInput', () => {
  const schema = z.object({ name: singleLineText(10), email: emailAddress });

  it('returns the normalised value', () => {
    expect(parseInput(schema, { name: '  Atlas ', email: ' Omar@Example.MA ' })).toEqual({
      name: 'Atlas',
      email: 'omar@example.ma',
    });
  });

  it('reports one message per invalid field', () => {
    expect(() => parseInput(schema, { name: 'x'.repeat(11), email: 'nope' })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        fields: { name: 'must be at most 10 characters', email: 'must be a valid e-mail address' },
      }),
    );
  });

  it('names a single value after the field it came from', () => {
    try {
      parseInput(z.string().min(12, 'too short'), 'abc', 'password');
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).fields).toEqual({ password: 'too short' });
    }
  });

  it('refuses control characters and line breaks in single-line text, but keeps Arabic and emoji', () => {
    expect(() => parseInput(singleLineText(50), 'a\u0000b')).toThrow(InvalidInputError);
    expect(() => parseInput(singleLineText(50), 'a\nb')).toThrow(InvalidInputError);
    expect(parseInput(singleLineText(50), 'الجامعة 🇲🇦')).toBe('الجامعة 🇲🇦');
  });
});

describe('unstorableTextProblem', () => {
  it('flags NUL bytes and lone surrogates, and accepts surrogate pairs', () => {
    expect(unstorableTextProblem('a\u0000b')).toMatch(/NUL/);
    expect(unstorableTextProblem('a\ud800')).toMatch(/surrogate/);
    expect(unstorableTextProblem('\udc00a')).toMatch(/surrogate/);
    expect(unstorableTextProblem('🇲🇦 الجامعة')).toBeNull();
  });
});

describe('names and titles', () => {
  it.each([
    ['a zero-width space', 'FMO\u200b'],
    ['a right-to-left override', '\u202eFMO'],
    ['an isolate', '\u2067FMO\u2069'],
    ['a right-to-left mark', 'FMO\u200f'],
    ['an Arabic letter mark', '\u061cFMO'],
    ['a word joiner', 'F\u2060MO'],
    ['a joiner at the edge', '\u200cFMO'],
    ['a joiner beside a space', 'FMO \u200cSA'],
    ['doubled joiners', 'F\u200c\u200cMO'],
    ['a tag character', 'FMO\u{E0041}'],
  ])('refuses %s', (_case, value) => {
    expect(hasInvisibleCharacters(value)).toBe(true);
    expect(() => parseInput(singleLineText(50), value)).toThrow(InvalidInputError);
  });

  it('keeps ZWNJ inside a word, emoji sequences and variation selectors, and normalises to NFKC', () => {
    for (const value of ['می\u200cخواهد', '👩‍💻 équipe', '❤️ الجامعة', 'Ａtlas ﬁn']) {
      expect(hasInvisibleCharacters(value)).toBe(false);
    }
    expect(parseInput(singleLineText(50), ' Ａtlas ﬁn ')).toBe('Atlas fin');
  });

  it('folds look-alikes of a name together', () => {
    const folded = foldName('Fédération Marocaine');
    for (const lookAlike of [
      'FÉDÉRATION MAROCAINE',
      'Fédération\u200b Marocaine',
      'Fédération Maro\u200ccaine',
      'Fédération  Marocaine',
      'Ｆédération Marocaine'.normalize('NFD'),
    ]) {
      expect(foldName(lookAlike)).toBe(folded);
    }
    expect(foldName('Straße')).toBe(foldName('STRASSE'));
  });
});
