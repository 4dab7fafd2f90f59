import type { Locale } from '@app/core';

/**
 * What each e-mail needs to be rendered, one entry per template, named after the event it tells.
 * Each domain adds its own templates by declaration merging (`declare module '@app/notifications'`)
 * and registers their text with {@link defineTemplates} in its own `templates.ts`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TemplateData {}
export type TemplateName = keyof TemplateData & string;

export interface TemplateSource {
  subject: string;
  /** Handlebars; plain text part. */
  text: string;
  /** Handlebars; HTML body, wrapped in the common layout. */
  html: string;
}

export type TemplateSources<T extends TemplateName> = { [K in T]: Record<Locale, TemplateSource> };

const registry = new Map<string, Record<Locale, TemplateSource>>();

/** Registers a domain's templates; French is the default language, English is used for locale `en`. */
export function defineTemplates<T extends TemplateName>(templates: TemplateSources<T>): void {
  for (const [name, sources] of Object.entries(templates) as [string, Record<Locale, TemplateSource>][]) registry.set(name, sources);
}

export function templateSource(name: string, locale: Locale): TemplateSource | undefined {
  const sources = registry.get(name);
  return sources?.[locale] ?? sources?.fr;
}
