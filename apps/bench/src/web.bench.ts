import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { JwtService } from '@nestjs/jwt';
import { Pool } from 'pg';
import { chromium, type Browser } from 'playwright-core';
import { hashPassword } from '@app/accounts';
import { benchPool, openBenchEnvironment } from './bench-environment';
import { post, waitForHealth } from './http';
import { autocannon } from './autocannon';
import { printResults } from './load';

/**
 * `npm run bench:web`: the portal as its users meet it, on localhost —
 * - each role's initial JavaScript (gzip) on its first page, against the 200 KB budget;
 * - the time from navigation to the first interactive page (its heading drawn) per role;
 * - the server-rendered winners page under 200 concurrent clients, next to a bare Fastify serving the same
 *   bytes (and the same gzip of them) as a static file in the same run (goal: ≥ 0.5 of its rate, p99 < 50 ms),
 *   and, for what the platform's pipeline costs, the same bytes answered from memory by that bare Fastify.
 *   The API, the bare Fastify and the load generator (autocannon) each run in a process of their own; every
 *   server is warmed up and asked for gzip, as a browser asks.
 */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const API_PORT = 3192;
const STATIC_PORT = 3193;
const BUDGET_KB = 200;
const PASSWORD = 'bench-password-42';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function benchWeb(): Promise<void> {
  const environment = await openBenchEnvironment();
  const { base, databaseUrl, queuePrefix } = environment;
  const pool = benchPool(databaseUrl, 4);
  const origin = `http://127.0.0.1:${API_PORT}`;
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [];
  const api: ChildProcess = spawn(process.execPath, [...profile, 'dist/apps/api/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: queuePrefix,
      PORT: String(API_PORT),
      PUBLIC_URL: origin,
      SMTP_URL: environment.smtpUrl,
      WEB_DIST_DIR: resolve('apps/web/dist'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let ceiling: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    await waitForHealth(`${origin}/health`);
    const year = await seedPublishedEdition(pool, base.JWT_SECRET, origin);
    const users = await seedRoleUsers(pool);

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    const rows = [];
    for (const role of ['public', 'company', 'shopper', 'jury'] as const) rows.push({ role, ...(await firstPage(browser, origin, role, users[role])) });
    console.log('\nInitial JavaScript of each role’s first page (gzip) and time to its first interactive page');
    console.table(
      rows.map((r) => ({
        role: r.role,
        page: r.path,
        scripts: r.scripts,
        'JS gzip KB': r.gzipKb.toFixed(1),
        budget: r.gzipKb <= BUDGET_KB ? `ok (≤ ${BUDGET_KB})` : `OVER ${BUDGET_KB}`,
        'interactive ms': r.interactiveMs.toFixed(0),
      })),
    );

    // the same bytes as the winners page, and their gzip, answered from memory by a bare Fastify in its own process
    const html = await (await fetch(`${origin}/winners/${year}`)).text();
    const dir = mkdtempSync(join(tmpdir(), 'palmares-bench-web-'));
    writeFileSync(join(dir, 'winners.html'), html);
    writeFileSync(join(dir, 'winners.html.gz'), gzipSync(html));
    ceiling = spawn(process.execPath, [process.argv[1], 'static-ceiling', dir, String(STATIC_PORT)], { stdio: ['ignore', 'inherit', 'inherit'] });
    const ceilingUrl = (kind: 'static' | 'memory') => `http://127.0.0.1:${STATIC_PORT}/${kind}/winners.html`;
    await waitForHealth(ceilingUrl('static'));
    const load = { connections: CONCURRENCY, amount: REQUESTS, headers: { 'accept-encoding': 'gzip' } };
    // Each server warmed up first, as the platform is.
    await autocannon('warm-up', `${origin}/winners/${year}`, { ...load, amount: 2_000 });
    const page = await autocannon(`GET /winners/${year} (platform)`, `${origin}/winners/${year}`, load);
    await autocannon('warm-up', ceilingUrl('static'), { ...load, amount: 2_000 });
    const bare = await autocannon('bare Fastify static file (ceiling)', ceilingUrl('static'), load);
    await autocannon('warm-up', ceilingUrl('memory'), { ...load, amount: 2_000 });
    const memory = await autocannon('bare Fastify, same bytes from memory', ceilingUrl('memory'), load);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(`\nThe winners page (${kb(Buffer.byteLength(html))}, ${kb(gzipSync(html).length)} gzipped) under ${CONCURRENCY} concurrent clients`);
    printResults([page, bare, memory]);
    for (const run of [page, bare, memory])
      console.log(`${run.label}: answers ${JSON.stringify(run.statuses)}, without an answer ${JSON.stringify(run.failures)}`);
    const ratio = page.perSecond / bare.perSecond;
    console.log(`ratio winners page / bare static file: ${ratio.toFixed(2)} (goal ≥ 0.50) — p99 ${page.p99.toFixed(1)} ms (goal < 50 ms)`);
    console.log(`ratio winners page / the same bytes from memory: ${(page.perSecond / memory.perSecond).toFixed(2)} (what the pipeline costs: no goal)`);
    console.log(`goals: ${ratio >= 0.5 && page.p99 < 50 && page.errors === 0 && rows.every((r) => r.gzipKb <= BUDGET_KB) ? 'met' : 'NOT met'}`);
  } finally {
    await browser?.close();
    ceiling?.kill('SIGTERM');
    api.kill('SIGTERM');
    await new Promise((done) => (api.exitCode !== null ? done(null) : api.once('exit', done)));
    await pool.end();
    await environment.close();
  }
}

/** An edition with its results published (eight categories, one winner each), through the API and the results table. */
async function seedPublishedEdition(pool: Pool, jwtSecret: string, origin: string): Promise<number> {
  const [jury] = (
    await pool.query(
      `INSERT INTO app_user (email, password_hash, role, email_confirmed_at) VALUES ('bench-web-jury@palmares.local', 'x', 'JURY', now()) RETURNING id`,
    )
  ).rows;
  const token = new JwtService({ secret: jwtSecret }).sign({ sub: jury.id, typ: 'access', role: 'JURY', cid: null }, { expiresIn: 3600 });
  const day = 86_400_000;
  const year = 2026;
  const edition = await post(`${origin}/api/editions`, token, {
    year,
    name: 'Élu Service Client',
    timezone: 'Europe/Paris',
    registrationOpensAt: new Date(Date.now() - 300 * day).toISOString(),
    registrationDeadline: new Date(Date.now() - 250 * day).toISOString(),
    paymentDueAt: new Date(Date.now() - 240 * day).toISOString(),
    testPeriodStart: new Date(Date.now() - 200 * day).toISOString(),
    testPeriodEnd: new Date(Date.now() - 100 * day).toISOString(),
    resultsPublishAt: new Date(Date.now() - 10 * day).toISOString(),
  });
  const sectors = ['Banque', 'Assurance', 'Télécoms', 'Énergie', 'Transport', 'Distribution', 'Mutuelles', 'E-commerce'];
  const categories = sectors.map((name, i) => ({
    categoryId: crypto.randomUUID(),
    code: `sector-${i}`,
    name,
    cancelled: false,
    contested: true,
    minEntries: 3,
    awardThreshold: 12,
    entrants: 30 + i,
    average: 13.1,
    statisticalTie: false,
    outcome: 'WINNER',
    rows: [
      {
        entryId: crypto.randomUUID(),
        companyId: crypto.randomUUID(),
        companyName: `${name} Exemple SA`,
        rank: 1,
        score: 17.25 - i / 10,
        marginOfError: 0.48,
        eligible: true,
        insufficientChannels: [],
        winner: true,
        approvedCount: 15,
        stdDev: 1.1,
        channelScores: {},
        criterionScores: {},
      },
    ],
  }));
  await pool.query(`UPDATE edition SET status = 'PUBLISHED' WHERE id = $1`, [edition.id]);
  await pool.query(`INSERT INTO results_version (edition_id, version, digest, figures, frozen_by, published_at) VALUES ($1, 1, $2, $3, $4, now())`, [
    edition.id,
    'b'.repeat(64),
    JSON.stringify({ editionId: edition.id, categories }),
    jury.id,
  ]);
  return year;
}

type RoleUser = { email: string; home: string } | null;

/** One confirmed user per signed-in role, with a known password. */
async function seedRoleUsers(pool: Pool): Promise<Record<'public' | 'company' | 'shopper' | 'jury', RoleUser>> {
  const hash = await hashPassword(PASSWORD);
  const [company] = (
    await pool.query(
      `INSERT INTO company (legal_name, siren, country, billing_address) VALUES ('Banque Bench SA', '732829320', 'FR', '1 rue de la Paix, 75002 Paris') RETURNING id`,
    )
  ).rows;
  const user = async (email: string, role: string, companyId: string | null) =>
    pool.query(`INSERT INTO app_user (email, password_hash, role, company_id, email_confirmed_at) VALUES ($1, $2, $3, $4, now())`, [
      email,
      hash,
      role,
      companyId,
    ]);
  await user('bench-company@palmares.local', 'COMPANY', company.id);
  await user('bench-shopper@palmares.local', 'SHOPPER', null);
  await user('bench-jury-web@palmares.local', 'JURY', null);
  return {
    public: null,
    company: { email: 'bench-company@palmares.local', home: '/entries' },
    shopper: { email: 'bench-shopper@palmares.local', home: '/shopper' },
    jury: { email: 'bench-jury-web@palmares.local', home: '/jury' },
  };
}

/** Loads the role's first page in a fresh page (signed in through the login form first): its scripts and the time to its heading. */
async function firstPage(browser: Browser, origin: string, role: string, user: RoleUser) {
  const context = await browser.newContext({ baseURL: origin, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  try {
    if (user) {
      const login = await context.newPage();
      await login.goto('/login');
      await login.getByLabel(/^Adresse e-mail/).fill(user.email);
      await login.getByLabel(/^Mot de passe/).fill(PASSWORD);
      await login.getByRole('main').getByRole('button', { name: 'Se connecter' }).click();
      await login.waitForURL((url) => !url.pathname.startsWith('/login'));
      await login.close();
    }
    const page = await context.newPage();
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body).length));
    });
    const path = user?.home ?? '/';
    const started = performance.now();
    await page.goto(path);
    await page.locator('main h1').first().waitFor();
    const interactiveMs = performance.now() - started;
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(scripts);
    return { path, scripts: sizes.length, gzipKb: sizes.reduce((a, b) => a + b, 0) / 1024, interactiveMs };
  } finally {
    await context.close();
  }
}
