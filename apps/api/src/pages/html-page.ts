import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import Handlebars from 'handlebars';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '@app/core';

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

/** A page's bytes ready to send many times: its ETag (a hash of them) and their gzip are computed once. */
export interface HtmlBody {
  html: string;
  etag: string;
  gzip: Buffer;
}

export function htmlBody(html: string): HtmlBody {
  return { html, etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`, gzip: gzipSync(html) };
}

/**
 * Sends an HTML page with its ETag and `Cache-Control`, gzipped when the client accepts it (under its own ETag,
 * as another representation of the same bytes); a request that already holds this version in either form
 * (`If-None-Match`) gets a 304 without the body. The language and the encoding are part of the answer, hence
 * `Vary`.
 */
export function sendHtml(request: FastifyRequest, reply: FastifyReply, page: HtmlBody | string, cacheControl: string): FastifyReply {
  const { html, etag, gzip } = typeof page === 'string' ? htmlBody(page) : page;
  const zipped = acceptsGzip(request.headers['accept-encoding']);
  const gzipEtag = etag.replace(/"$/, '-gzip"');
  void reply
    .header('etag', zipped ? gzipEtag : etag)
    .header('cache-control', cacheControl)
    .header('vary', 'Accept-Language, Accept-Encoding')
    .type('text/html; charset=utf-8');
  const held = request.headers['if-none-match'];
  if (held && held.split(',').some((tag) => [etag, gzipEtag].includes(tag.trim().replace(/^W\//, '')))) return reply.code(304).send();
  return zipped ? reply.header('content-encoding', 'gzip').send(gzip) : reply.send(html);
}

/** `Accept-Encoding` names gzip (or `*`) without `q=0`. */
function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    return (coding === 'gzip' || coding === '*') && !params.some((param) => /^q=0(\.0*)?$/.test(param.trim()));
  });
}
