/**
 * Messages live per locale and per area (`i18n/<locale>/<area>.json`) so that people working on different areas
 * never edit the same file; they are merged here. Keys are namespaced by area (`reader.toc.title`), and a key
 * defined twice is a build-time mistake caught by the i18n spec.
 */
export const LOCALES = ['fr', 'ar', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'fr';

type Messages = Record<string, string>;
const files = import.meta.glob<Messages>('./*/*.json', { eager: true, import: 'default' });

export interface MessageFile {
  readonly locale: string;
  readonly area: string;
  readonly messages: Messages;
}

export function messageFiles(): MessageFile[] {
  return Object.entries(files).map(([path, messages]) => {
    const [, locale = '', file = ''] = path.split('/');
    return { locale, area: file.replace(/\.json$/, ''), messages };
  });
}

export function messagesFor(locale: AppLocale): Messages {
  const merged: Messages = {};
  for (const file of messageFiles()) if (file.locale === locale) Object.assign(merged, file.messages);
  return merged;
}

export function isAppLocale(value: string | null | undefined): value is AppLocale {
  return !!value && (LOCALES as readonly string[]).includes(value);
}

/** The first of the browser's languages we speak, else French. */
export function browserLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): AppLocale {
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (isAppLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

export const directionOf = (locale: AppLocale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');

/** The API's Locale enum <-> the client's BCP 47 tags. */
export const toApiLocale = (locale: AppLocale): 'FR' | 'AR' | 'EN' => locale.toUpperCase() as 'FR' | 'AR' | 'EN';
export const fromApiLocale = (locale: string): AppLocale => {
  const lower = locale.toLowerCase();
  return isAppLocale(lower) ? lower : DEFAULT_LOCALE;
};
