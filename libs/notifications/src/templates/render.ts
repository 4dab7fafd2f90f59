import Handlebars from 'handlebars';
import type { Locale } from '@app/core';
import { templateSource } from './templates';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const LAYOUT = Handlebars.compile(
  '<!doctype html><html lang="{{locale}}"><head><meta charset="utf-8"><title>{{subject}}</title></head>' +
    '<body style="font-family:Helvetica,Arial,sans-serif;color:#1d1d1f;max-width:640px;margin:auto">' +
    '<h1 style="font-size:20px;color:#8a6d1d">Palmares</h1>{{{body}}}' +
    '<hr><p style="font-size:12px;color:#6e6e73">Palmares</p></body></html>',
);

type Compiled = { subject: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate; html: HandlebarsTemplateDelegate };
const cache = new Map<string, Compiled>();

function compiled(template: string, locale: Locale): Compiled {
  const key = `${template}/${locale}`;
  let entry = cache.get(key);
  if (!entry) {
    const source = templateSource(template, locale);
    if (!source) throw new Error(`Unknown e-mail template "${template}"`);
    entry = {
      subject: Handlebars.compile(source.subject, { noEscape: true, strict: true }),
      text: Handlebars.compile(source.text, { noEscape: true, strict: true }),
      html: Handlebars.compile(source.html, { strict: true }),
    };
    cache.set(key, entry);
  }
  return entry;
}

/** Renders an e-mail (subject, text and HTML parts); a missing variable is an error, not a blank. */
export function renderEmail(template: string, locale: Locale, data: Record<string, unknown>): RenderedEmail {
  const parts = compiled(template, locale === 'en' ? 'en' : 'fr');
  const subject = parts.subject(data);
  return { subject, text: parts.text(data), html: LAYOUT({ locale, subject, body: parts.html(data) }) };
}
