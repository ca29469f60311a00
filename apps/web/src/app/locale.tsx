import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import {
  type AppLocale,
  browserLocale,
  directionOf,
  fromApiLocale,
  isAppLocale,
  messagesFor,
  DEFAULT_LOCALE,
} from '../i18n';
import { useSession } from './session';

const STORAGE_KEY = 'majlis.locale';

interface LocaleChoice {
  readonly locale: AppLocale;
  setLocale(locale: AppLocale): void;
}
const LocaleContext = createContext<LocaleChoice | null>(null);

function initialLocale(): AppLocale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return isAppLocale(stored) ? stored : browserLocale();
}

/**
 * The interface language: the signed-in person's saved locale; before sign-in, the last choice on this browser,
 * else the browser's language. Sets `lang` and `dir` on <html>.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const [locale, setLocaleState] = useState<AppLocale>(initialLocale);
  const saved = session.viewer ? fromApiLocale(session.viewer.locale) : null;

  useEffect(() => {
    if (saved) setLocaleState(saved);
  }, [saved]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);

  const { saveLocale } = session;
  const setLocale = useCallback(
    (next: AppLocale) => {
      setLocaleState(next);
      localStorage.setItem(STORAGE_KEY, next);
      void saveLocale(next);
    },
    [saveLocale],
  );
  const messages = useMemo(() => messagesFor(locale), [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={locale} defaultLocale={DEFAULT_LOCALE} messages={messages}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocaleChoice(): LocaleChoice {
  const choice = useContext(LocaleContext);
  if (!choice) throw new Error('useLocaleChoice outside LocaleProvider');
  return choice;
}
