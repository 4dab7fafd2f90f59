import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, type Locale } from '@app/core';
import { PublicResults, TitlesService, type PublicCategory, type PublicWinners } from '@app/publication';
import { Public } from '../auth/decorators';
import { htmlBody, renderPage, sendHtml, type HtmlBody } from './html-page';
import { METHODOLOGY } from './methodology';
import { PageCache } from './page-cache';
import { formatDay, formatInstantFor, formatNumber, formatScore } from './page-format';
import { pageLocale } from './page-locale';
import { MESSAGES, messagePage, winnersListPage, winnersPage, type CategoryView, type Messages } from './public-pages.templates';

/** How long browsers and proxies may keep each page (this process reuses a render for PUBLIC_PAGES_TTL_MS). */
const CACHE = {
  current: 'public, max-age=60',
  /** An earlier version never changes once published. */
  earlier: 'public, max-age=86400',
  verify: 'public, max-age=300',
  methodology: 'public, max-age=3600',
  missing: 'no-cache',
};

interface Rendered {
  status: 200 | 404;
  html: string;
  cacheControl: string;
}

/** What the cache keeps of a rendered page: its bytes with their ETag and gzip, made once per render. */
type Served = Omit<Rendered, 'html'> & { body: HtmlBody };

/** Fills a message's `{{name}}` slots; the page template escapes the result. */
function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}

/**
 * The public pages, rendered on the server (readable without JavaScript, found by search engines): the winners of
 * every published edition and each of their versions, title verification and the methodology. French by default,
 * English with `?lang=en` or `Accept-Language`; ETag and Cache-Control on each.
 */
@ApiExcludeController()
@Public()
@Controller()
export class PublicPagesController {
  private readonly cache: PageCache<Served>;

  constructor(
    private readonly results: PublicResults,
    private readonly titles: TitlesService,
    config: AppConfig,
  ) {
    this.cache = new PageCache(config.PUBLIC_PAGES_TTL_MS);
  }

  @Get('winners')
  winnersList(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.serve(request, reply, '/winners', async (locale, t) => {
      const editions = (await this.results.editions()).map((e) => ({ href: `/winners/${e.year}${langQuery(locale)}`, label: `${e.name} ${e.year}` }));
      return {
        status: 200,
        cacheControl: CACHE.current,
        html: this.page(locale, t.winnersTitle, '/winners', winnersListPage({ t, editions, methodologyHref: `/methodology${langQuery(locale)}` })),
      };
    });
  }

  @Get('winners/:year')
  winners(@Param('year') year: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.serve(request, reply, `/winners/${year}`, (locale, t) => this.winnersOf(locale, t, year));
  }

  @Get('winners/:year/:version')
  earlierWinners(
    @Param('year') year: string,
    @Param('version') version: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.serve(request, reply, `/winners/${year}/${version}`, (locale, t) => this.winnersOf(locale, t, year, version));
  }

  @Get('verify/:code')
  verify(@Param('code') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.serve(request, reply, `/verify/${code}`, async (locale, t) => {
      const title = await this.titles.verify(code.toUpperCase());
      const path = `/verify/${code}`;
      if (!title)
        return {
          status: 404,
          cacheControl: CACHE.missing,
          html: this.page(locale, t.verifyTitle, path, messagePage({ title: t.verifyTitle, lines: [t.unknownCode] })),
        };
      const names = { company: title.companyName, edition: title.editionName, year: title.editionYear, category: title.categoryName };
      const lines = !title.held
        ? [fill(t.withdrawn, names)]
        : [
            fill(t.verified, names),
            title.licenceValidUntil && title.licenceValidUntil.getTime() > Date.now()
              ? fill(t.licenceUntil, { date: formatDay(title.licenceValidUntil, title.timezone, locale) })
              : t.licenceNone,
          ];
      return { status: 200, cacheControl: CACHE.verify, html: this.page(locale, t.verifyTitle, path, messagePage({ title: t.verifyTitle, lines })) };
    });
  }

  @Get('methodology')
  methodology(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return this.serve(request, reply, '/methodology', async (locale, t) => ({
      status: 200,
      cacheControl: CACHE.methodology,
      html: this.page(locale, t.methodologyTitle, '/methodology', METHODOLOGY[locale]),
    }));
  }

  private async winnersOf(locale: Locale, t: Messages, yearParam: string, versionParam?: string): Promise<Rendered> {
    const path = `/winners/${yearParam}${versionParam ? `/${versionParam}` : ''}`;
    const version = versionParam === undefined ? undefined : /^v(\d{1,4})$/.exec(versionParam);
    const wellFormed = /^\d{4}$/.test(yearParam) && version !== null;
    const winners = wellFormed ? await this.results.winners(Number(yearParam), version ? Number(version[1]) : undefined) : null;
    if (!winners) return this.notFound(locale, t, path);
    const { edition } = winners;
    const q = langQuery(locale);
    const body = winnersPage({
      t,
      title: fill(t.editionTitle, { name: edition.name, year: edition.year }),
      published: fill(t.publishedOn, { date: formatInstantFor(winners.version.publishedAt, edition.timezone, locale) }),
      correction:
        winners.version.reason && winners.version.version > 1 ? fill(t.correction, { version: winners.version.version, reason: winners.version.reason }) : null,
      earlier: winners.latest ? null : { text: fill(t.earlier, { version: winners.version.version }), latestHref: `/winners/${edition.year}${q}` },
      categories: winners.categories.map((c) => categoryView(c, t, locale)),
      versions: versionLinks(winners, t, locale),
      methodologyHref: `/methodology${q}`,
    });
    const title = fill(t.editionTitle, { name: edition.name, year: edition.year });
    return { status: 200, cacheControl: winners.latest ? CACHE.current : CACHE.earlier, html: this.page(locale, title, path, body) };
  }

  private notFound(locale: Locale, t: Messages, path: string): Rendered {
    return { status: 404, cacheControl: CACHE.missing, html: this.page(locale, t.notFoundTitle, path, messagePage({ title: t.notFoundTitle, lines: [] })) };
  }

  private page(locale: Locale, title: string, path: string, body: string): string {
    return renderPage({ locale, title, body, path });
  }

  private async serve(
    request: FastifyRequest,
    reply: FastifyReply,
    path: string,
    render: (locale: Locale, t: Messages) => Promise<Rendered>,
  ): Promise<FastifyReply> {
    const locale = pageLocale(request);
    const page = await this.cache.get(`${locale}:${path}`, async () => {
      const { html, ...rendered } = await render(locale, MESSAGES[locale]);
      return { ...rendered, body: htmlBody(html) };
    });
    void reply.code(page.status);
    return sendHtml(request, reply, page.body, page.cacheControl);
  }
}

/** Links keep the language the page was asked in (French needs no parameter). */
function langQuery(locale: Locale): string {
  return locale === 'en' ? '?lang=en' : '';
}

function categoryView(c: PublicCategory, t: Messages, locale: Locale): CategoryView {
  const threshold = formatNumber(c.awardThreshold, locale);
  const hasWinner = c.outcome === 'WINNER' && c.winners.length > 0;
  return {
    name: c.name,
    winnerLabel: hasWinner ? (c.winners.length > 1 ? t.winners : t.winner) : null,
    winners: c.winners.map((w) => ({
      companyName: w.companyName,
      score: formatScore(w.score, locale),
      margin: w.marginOfError === null ? null : fill(t.margin, { margin: formatNumber(w.marginOfError, locale) }),
    })),
    outcomeText: c.outcome === 'CANCELLED' ? t.cancelled : hasWinner ? null : fill(t.noWinner, { threshold }),
    facts: fill(t.facts, { entrants: c.entrants, tests: c.tests, threshold }),
  };
}

function versionLinks(winners: PublicWinners, t: Messages, locale: Locale) {
  const { edition } = winners;
  const last = winners.versions.at(-1)!.version;
  return winners.versions.map((v) => ({
    href: `/winners/${edition.year}${v.version === last ? '' : `/v${v.version}`}${langQuery(locale)}`,
    label: fill(t.versionItem, { version: v.version, date: formatDay(v.publishedAt, edition.timezone, locale) }),
    current: v.version === winners.version.version,
  }));
}
