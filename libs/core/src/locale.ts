/** The languages Palmares writes in: French by default, English on request. */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
