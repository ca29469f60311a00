import { z } from 'zod';
import { InvalidInputError } from '../errors/domain-error';
import { parseInput } from './parse-input';
import { emailAddress, singleLineText, unstorableTextProblem } from './text-fields';

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
