import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useAuth } from '../auth/AuthProvider';
import { updateUser } from '../auth/session';
import { browserLocale, CATALOGUES, type Locale } from './locale';

interface LocaleChoice {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleChoice | null>(null);

/**
 * The language is the signed-in user's (`GET /api/me`), else the browser's; the header's switch
 * changes it for this page and, for a signed-in user, saves it (their e-mails follow it too).
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const [choice, setChoice] = useState<{ userId: string | null; locale: Locale } | null>(null);
  const userId = user?.id ?? null;
  // A choice made before signing in gives way to the user's own saved language.
  const locale: Locale = (choice?.userId === userId ? choice.locale : null) ?? user?.locale ?? browserLocale();

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    (next: Locale) => {
      setChoice({ userId, locale: next });
      if (userId) void unwrap(api.PATCH('/api/me', { body: { locale: next } })).then(updateUser, () => undefined);
    },
    [userId],
  );

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={locale} defaultLocale="fr" messages={CATALOGUES[locale]}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleChoice {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside I18nProvider');
  return value;
}
