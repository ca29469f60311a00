import { IntlMessageFormat } from 'intl-messageformat';
import { API_ERROR_CODES } from '../app/errors';
import { LOCALES, messageFiles, messagesFor } from './index';

describe('messages', () => {
  const french = messagesFor('fr');

  it.each(LOCALES)('%s has every message French has, and no other', (locale) => {
    expect(Object.keys(messagesFor(locale)).sort()).toEqual(Object.keys(french).sort());
  });

  it('defines each key once, in the file of its own area', () => {
    for (const file of messageFiles()) {
      for (const key of Object.keys(file.messages)) expect(key.startsWith(`${file.area}.`)).toBe(true);
    }
  });

  it.each(LOCALES)('%s has a human message for every API error code', (locale) => {
    const messages = messagesFor(locale);
    for (const code of API_ERROR_CODES) expect(messages[`errors.${code}`]).toBeTruthy();
  });

  it.each(LOCALES)('every %s message is valid ICU', (locale) => {
    for (const message of Object.values(messagesFor(locale))) {
      expect(() => new IntlMessageFormat(message, locale)).not.toThrow();
    }
  });

  it('uses the six Arabic plural forms', () => {
    const format = (count: number) =>
      new IntlMessageFormat(messagesFor('ar')['reader.toc.count']!, 'ar').format({ count });
    expect([0, 1, 2, 3, 11, 100].map(format)).toEqual([
      'لا تعليقات',
      'تعليق واحد',
      'تعليقان',
      '3 تعليقات',
      '11 تعليقًا',
      '100 تعليق',
    ]);
  });
});
