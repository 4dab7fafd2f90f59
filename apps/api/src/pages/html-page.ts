import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '@app/accounts';

/** Server-rendered pages: readable without JavaScript, one layout, `lang` set, colours above WCAG AA contrast. */
const layout = Handlebars.compile<{ lang: Locale; title: string; body: string; otherLang: { href: string; label: string } | null }>(`<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} — Palmares</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
  header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
  header { display: flex; justify-content: space-between; align-items: center; border-bottom: 1px solid #ccc; }
  a { color: #0b4f9c; }
  table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; }
  .amount { font-size: 2rem; font-weight: 700; }
  button { font: inherit; padding: .6rem 1.2rem; border-radius: .3rem; border: 1px solid #0b4f9c; cursor: pointer; }
  button.primary { background: #0b4f9c; color: #fff; }
  button.secondary { background: #fff; color: #0b4f9c; }
  .muted { color: #4a4a4a; }
</style>
</head>
<body>
<header><p><a href="/">Palmares</a></p>{{#if otherLang}}<p><a href="{{otherLang.href}}" hreflang="{{otherLang.lang}}">{{otherLang.label}}</a></p>{{/if}}</header>
<main>
{{{body}}}
</main>
</body>
</html>`);

export interface Page {
  locale: Locale;
  title: string;
  /** Already rendered (escaped) HTML of the page's main content. */
  body: string;
  /** The page's own path, to offer it in the other language. */
  path?: string;
}

export function renderPage(page: Page): string {
  const other: Locale = page.locale === 'fr' ? 'en' : 'fr';
  const otherLang = page.path ? { href: `${page.path}?lang=${other}`, lang: other, label: other === 'en' ? 'English' : 'Français' } : null;
  return layout({ lang: page.locale, title: page.title, body: page.body, otherLang });
}

/** A page template: Handlebars (escaping by default) over the page's data and its messages in the viewer's language. */
export function pageTemplate<T>(source: string): (data: T) => string {
  return Handlebars.compile<T>(source, { strict: true });
}

/**
 * Sends an HTML page with an ETag (a hash of its bytes) and `Cache-Control`; a request that already holds this
 * version (`If-None-Match`) gets a 304 without the body. The language is part of the page, hence `Vary`.
 */
export function sendHtml(request: FastifyRequest, reply: FastifyReply, html: string, cacheControl: string): FastifyReply {
  const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
  void reply.header('etag', etag).header('cache-control', cacheControl).header('vary', 'Accept-Language').type('text/html; charset=utf-8');
  const held = request.headers['if-none-match'];
  if (held && held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  return reply.send(html);
}
