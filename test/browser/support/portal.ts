import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TestPlatform } from '../../support/platform';

/** Debian's Chromium, never a downloaded browser; the flags it needs as root and offline. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const FAILURES_DIR = resolve('var/browser-failures');

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * The portal as a visitor meets it: the real API serving the built portal (apps/web/dist) on its own port, the
 * worker, Postgres, Redis and an SMTP server the test reads, driven by Chromium. PUBLIC_URL is the API's own
 * address, so the links in e-mails and the payment stand-in's return lead back to it.
 */
export class BrowserPortal {
  platform!: TestPlatform;
  browser!: Browser;
  baseUrl!: string;
  private readonly saved = { PUBLIC_URL: process.env.PUBLIC_URL, WEB_DIST_DIR: process.env.WEB_DIST_DIR };

  static async start(): Promise<BrowserPortal> {
    const portal = new BrowserPortal();
    const port = await freePort();
    portal.baseUrl = `http://127.0.0.1:${port}`;
    process.env.PUBLIC_URL = portal.baseUrl;
    process.env.WEB_DIST_DIR = resolve('apps/web/dist');
    portal.platform = await TestPlatform.start({ port });
    portal.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    return portal;
  }

  /** A fresh visitor (own cookies) in Paris, reading French or English. */
  async visitor(locale: 'fr' | 'en' = 'fr'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({
      baseURL: this.baseUrl,
      locale: locale === 'fr' ? 'fr-FR' : 'en-GB',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(10_000);
    return { context, page: await context.newPage() };
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.platform?.close();
    for (const [name, value] of Object.entries(this.saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Axe on the page as it stands: no serious or critical violation (WCAG 2.1 AA rules). */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) on ${page.url()}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking).toEqual([]);
}

/** Runs a journey; on failure keeps a screenshot of every open page under var/browser-failures/, then fails. */
export async function keepScreenshotOnFailure(name: string, context: BrowserContext, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    mkdirSync(FAILURES_DIR, { recursive: true });
    const slug = name.replace(/[^\w-]+/g, '-').slice(0, 80);
    await Promise.all(
      context.pages().map((page, i) => page.screenshot({ path: resolve(FAILURES_DIR, `${slug}-${i}.png`), fullPage: true }).catch(() => undefined)),
    );
    throw error;
  } finally {
    await context.close();
  }
}
