import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useAuth } from '../auth/AuthProvider';
import { updateUser } from '../auth/session';
import { browserLocale, loadCatalogue, type Catalogue, type Locale } from './locale';

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

  const [catalogues, setCatalogues] = useState<Partial<Record<Locale, Catalogue>>>({});
  const messages = catalogues[locale];
  useEffect(() => {
    if (!messages) void loadCatalogue(locale).then((catalogue) => setCatalogues((loaded) => ({ ...loaded, [locale]: catalogue })));
  }, [locale, messages]);

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
  // The first catalogue arrives with the start-up refresh; switching language keeps the page until the other one has.
  const shown = messages ?? Object.values(catalogues)[0];
  if (!shown) return null;
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={messages ? locale : (Object.keys(catalogues)[0] as Locale)} defaultLocale="fr" messages={shown}>
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
