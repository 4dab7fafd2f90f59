import type { MessageFormatElement } from 'react-intl';
import type fr from './fr.json';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type Catalogue = Record<string, string> | Record<string, MessageFormatElement[]>;

/**
 * French is the source catalogue; English has the same keys (a test checks it). Each is its own chunk,
 * fetched when its language is first shown: a reader downloads one language, not both.
 */
const LOADERS: Record<Locale, () => Promise<{ default: Catalogue }>> = { fr: () => import('./fr.json'), en: () => import('./en.json') };

export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  return (await LOADERS[locale]()).default;
}

/** The names each language gives itself, the same in every catalogue. */
export const LANGUAGE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

/** The browser's preference when nobody is signed in: English if it asks for English first, else French. */
export function browserLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): Locale {
  const first = languages.find((language) => /^(fr|en)\b/i.test(language));
  return first?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

declare global {
  // react-intl checks message ids against the French catalogue at compile time
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace FormatjsIntl {
    interface Message {
      ids: keyof typeof fr;
    }
  }
}
