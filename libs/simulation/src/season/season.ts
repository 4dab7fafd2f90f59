import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiClient } from '../api-client';
import { checkoutCompleted, signEvent } from '../payment-provider';
import { inParallel } from '../parallel';
import { sleep, waitFor } from '../wait';
import { buildCast, GRIDS, perceivedPoints, SCENARIOS, type Cast, type Channel, type SimCompany, type SimShopper } from './cast';
import type { InboxMessage, SeasonInbox } from './inbox';
import { weightsFor, type SeasonOptions } from './options';
import { SeededRandom } from './random';

export * from './cast';
export * from './inbox';
export * from './options';

/** The phases of a season, in order; each is reported to the progress display and recorded when reached. */
export const PHASES = {
  setup: 'Jury sets up the edition',
  registration: 'Companies sign up, register and pay',
  shoppers: 'Shoppers are invited and accept',
  deadline: 'Deadline passes, unpaid excluded',
  testing: 'Test period: shoppers test, jury reviews',
  results: 'Results frozen, published, told',
} as const;
export type Phase = (typeof PHASES)[keyof typeof PHASES];

/** What the season reports as it goes (a progress bar per phase in the demo; nothing in the test). */
export interface SeasonProgress {
  start(phase: Phase, total: number): void;
  update(phase: Phase, done: number, total?: number): void;
  finish(phase: Phase): void;
  log(line: string): void;
}

export const SILENT_PROGRESS: SeasonProgress = { start() {}, update() {}, finish() {}, log() {} };

export interface SeasonContext {
  client: ApiClient;
  inbox: SeasonInbox;
  jury: { email: string; password: string };
  /** The platform's webhook secret, to play the card payment provider; without it everyone pays by bank transfer. */
  webhookSecret: string | null;
  progress?: SeasonProgress;
  /** Where to save each entrant's report PDF. */
  reportsDir?: string;
}

export interface SeasonEntry {
  company: SimCompany;
  entryId: string;
  invoiceId: string;
  totalCents: number;
  token: string;
  userEmail: string;
}

export interface PalmaresCategory {
  code: string;
  name: string;
  outcome: 'WINNER' | 'NO_WINNER' | 'CANCELLED';
  winners: { companyName: string; score: number | null; marginOfError: number | null }[];
  entrants: number;
}

export interface EntrantReport {
  entryId: string;
  companyName: string;
  categoryCode: string;
  rank: number | null;
  of: number;
  score: number | null;
  eligible: boolean;
  insufficientChannels: string[];
  winner: boolean;
}

export interface SeasonResult {
  run: string;
  options: SeasonOptions;
  cast: Cast;
  edition: { id: string; year: number; name: string };
  phasesReached: Phase[];
  entries: SeasonEntry[];
  /** Entry statuses as the jury reads them after publication, by entry id. */
  entryStatuses: Record<string, string>;
  palmares: PalmaresCategory[];
  reports: EntrantReport[];
  digest: string;
  counts: { submitted: number; approved: number; rejected: number; missed: number; expired: number; replacements: number };
  emails: InboxMessage[];
  durationMs: number;
}

/** Every company user and shopper of a played season logs in with this password (the demo prints it). */
export const CAST_PASSWORD = 'demo-Season-2027';
const SECOND = 1000;
/** How often a simulated shopper and the jury look for work. */
const POLL_MS = 1000;

/**
 * One whole season through the public HTTP API only, as its clients would play it: the jury sets up and
 * opens an edition whose calendar runs in minutes; companies sign up (the confirmation link read from the
 * inbox), register and pay (card through signed provider webhooks, bank transfers recorded by the jury, one
 * never); the timed jobs close registration, exclude the unpaid and cancel the category left too small;
 * invited shoppers accept, test the companies in their task windows (scores from each company's hidden
 * quality, the shopper's bias and noise; a few tasks missed, which expire and are reassigned) while the
 * jury approves or rejects; then the jury freezes and publishes, and every entrant reads its report.
 */
export async function runSeason(context: SeasonContext, options: SeasonOptions): Promise<SeasonResult> {
  const began = Date.now();
  const progress = context.progress ?? SILENT_PROGRESS;
  const { client } = context;
  const run = randomUUID().slice(0, 6);
  const cast = buildCast({ ...options, run });
  const reached: Phase[] = [];
  const enter = (phase: Phase, total: number) => {
    reached.push(phase);
    progress.start(phase, total);
  };

  // — the jury sets the edition up —
  enter(PHASES.setup, cast.sectors.length + 2);
  const jury = (await client.expectOk('POST', '/api/auth/login', { body: context.jury })).accessToken as string;
  const year = await freeYear(client, jury);
  const name = 'Élu Service Client — démonstration';
  const now = Date.now();
  const setupAllowance = 5 * SECOND;
  const deadline = now + setupAllowance + options.registrationSeconds * SECOND;
  const paymentDue = deadline + options.paymentSeconds * SECOND;
  const testStart = paymentDue + 4 * SECOND;
  const testEnd = testStart + options.testSeconds * SECOND;
  const publishAt = testEnd + 3 * SECOND;
  const iso = (ms: number) => new Date(ms).toISOString();
  const edition = await client.expectOk('POST', '/api/editions', {
    token: jury,
    body: {
      year,
      name,
      timezone: 'Europe/Paris',
      registrationOpensAt: iso(now),
      registrationDeadline: iso(deadline),
      paymentDueAt: iso(paymentDue),
      testPeriodStart: iso(testStart),
      testPeriodEnd: iso(testEnd),
      resultsPublishAt: iso(publishAt),
    },
  });
  progress.update(PHASES.setup, 1);
  const categories = new Map<string, { id: string; awardThreshold: number }>();
  const quotas = Object.fromEntries(Object.entries(options.quotas).filter(([, q]) => (q ?? 0) > 0)) as Partial<Record<Channel, number>>;
  const tested = Object.keys(quotas) as Channel[];
  for (const sector of cast.sectors) {
    const category = await client.expectOk('POST', `/api/editions/${edition.id}/categories`, {
      token: jury,
      body: {
        code: sector.code,
        name: sector.name,
        entryFeeCents: 1_368_000,
        licenceFeeCents: 2_160_000,
        quotas,
        weights: weightsFor(quotas),
        grids: Object.fromEntries(tested.map((c) => [c, GRIDS[c]])),
        scenarios: SCENARIOS.filter((s) => tested.includes(s.channel)),
        minEntries: 3,
        awardThreshold: 12,
      },
    });
    categories.set(sector.code, { id: category.id, awardThreshold: Number(category.awardThreshold) });
    progress.update(PHASES.setup, categories.size + 1);
  }
  await client.expectOk('POST', `/api/editions/${edition.id}/open`, { token: jury });
  progress.update(PHASES.setup, cast.sectors.length + 2);
  progress.finish(PHASES.setup);
  progress.log(`Edition ${year} "${name}": registration closes ${clock(deadline)}, test period ${clock(testStart)}–${clock(testEnd)}`);

  // — companies and shoppers come in at the same time, as in a real season —
  enter(PHASES.registration, cast.companies.length);
  enter(PHASES.shoppers, cast.shoppers.length);
  let registered = 0;
  let accepted = 0;
  const [entries, shopperTokens] = await Promise.all([
    inParallel(cast.companies, 8, async (company) => {
      const entry = await registerCompany(context, jury, company, categories.get(company.sector)!.id, tested);
      progress.update(PHASES.registration, ++registered);
      return entry;
    }),
    inParallel(cast.shoppers, 6, async (shopper) => {
      const token = await recruitShopper(context, jury, shopper);
      progress.update(PHASES.shoppers, ++accepted);
      return token;
    }),
  ]);
  progress.finish(PHASES.registration);
  progress.finish(PHASES.shoppers);

  // — the real clock: the deadline, the payment due date and the start of the test period pass —
  enter(PHASES.deadline, Math.ceil((testStart - Date.now()) / SECOND));
  const waitUntil = async (phase: Phase, instant: number, total: number) => {
    while (Date.now() < instant) {
      progress.update(phase, Math.max(0, total - Math.ceil((instant - Date.now()) / SECOND)));
      await sleep(Math.min(500, instant - Date.now()));
    }
  };
  await waitUntil(PHASES.deadline, testStart, Math.ceil((testStart - Date.now()) / SECOND));
  await waitForStatus(client, jury, edition.id, ['TESTING', 'SCORING', 'PUBLISHED'], 60 * SECOND);
  progress.finish(PHASES.deadline);

  // — the test period: every shopper works their tasks; the jury reviews as evaluations come in —
  const inTest = entries.filter((e) => e.company.payment !== 'NEVER' && cast.sectors.find((s) => s.code === e.company.sector)!.plan !== 'TOO_SMALL');
  const expected = inTest.reduce((sum, e) => sum + tested.filter((c) => e.company.contactPoints[c]).reduce((n, c) => n + (quotas[c] ?? 0), 0), 0);
  enter(PHASES.testing, expected);
  const companiesByName = new Map(cast.companies.map((c) => [c.name, c]));
  const counts = { submitted: 0, approved: 0, rejected: 0, missed: 0, expired: 0, replacements: 0 };
  const testing = { open: true };
  const reviewRandom = new SeededRandom(options.seed, 'review');
  // a task is missed or rejected only early enough for its replacement to fit in the period
  const lastRedoable = testStart + (testEnd - testStart) * 0.4;
  const shopperWork = cast.shoppers.map((shopper, i) =>
    workAsShopper(client, shopper, shopperTokens[i], companiesByName, { lastRedoable, seed: options.seed, testing, counts }),
  );
  const review = async (final: boolean) => {
    for (;;) {
      const pending: { id: string }[] = await client.expectOk('GET', `/api/evaluations?status=SUBMITTED&editionId=${edition.id}&limit=500`, { token: jury });
      if (pending.length === 0) return;
      await inParallel(pending, 4, async (evaluation) => {
        // rejections only while there is time left to redo the test
        const reject = !final && Date.now() < lastRedoable && reviewRandom.chance(options.rejectRate);
        const response = reject
          ? await client.post(`/api/evaluations/${evaluation.id}/reject`, { reason: 'Le compte rendu ne décrit pas l’échange : test à refaire' }, jury)
          : await client.post(`/api/evaluations/${evaluation.id}/approve`, {}, jury);
        if (response.status === 200 || response.status === 201) counts[reject ? 'rejected' : 'approved']++;
        progress.update(PHASES.testing, counts.approved);
      });
    }
  };
  while (Date.now() < testEnd) {
    await review(false);
    await sleep(Math.min(POLL_MS, Math.max(0, testEnd - Date.now())));
  }
  testing.open = false;
  await Promise.all(shopperWork);
  await waitForStatus(client, jury, edition.id, ['SCORING', 'PUBLISHED'], 60 * SECOND);
  await review(true);
  counts.expired = (await listAll(client, `/api/tasks?editionId=${edition.id}&status=EXPIRED`, jury)).length;
  counts.replacements = (await listAll(client, `/api/tasks?editionId=${edition.id}`, jury)).filter((t) => t.replacesTaskId).length;
  progress.finish(PHASES.testing);

  // — results: the jury reads the provisional rankings, freezes, publishes at the set instant; everyone is told —
  enter(PHASES.results, inTest.length + 3);
  await client.expectOk('GET', `/api/editions/${edition.id}/rankings`, { token: jury });
  const frozen = await client.expectOk('POST', `/api/editions/${edition.id}/results/freeze`, { token: jury, body: {} });
  progress.update(PHASES.results, 1);
  await waitUntil(PHASES.results, publishAt, 1);
  await client.expectOk('POST', `/api/editions/${edition.id}/results/publish`, { token: jury });
  progress.update(PHASES.results, 2);
  let told = 0;
  await inParallel(inTest, 8, async (entry) => {
    await context.inbox.waitForMail(entry.userEmail, { subject: /Résultats|results/, timeoutMs: 60 * SECOND });
    progress.update(PHASES.results, 2 + ++told);
  });
  const winners = await client.expectOk('GET', `/api/editions/${edition.id}/winners`);
  const reports = await inParallel(inTest, 8, (entry) => readReport(context, entry));
  const entryStatuses = Object.fromEntries(
    ((await client.expectOk('GET', `/api/entries?editionId=${edition.id}`, { token: jury })) as { id: string; status: string }[]).map((e) => [e.id, e.status]),
  );
  progress.update(PHASES.results, inTest.length + 3);
  progress.finish(PHASES.results);

  return {
    run,
    options,
    cast,
    edition: { id: edition.id, year, name },
    phasesReached: reached,
    entries,
    entryStatuses,
    palmares: winners.categories,
    reports,
    digest: frozen.digest,
    counts,
    emails: await context.inbox.list(),
    durationMs: Date.now() - began,
  };
}

/** Sign-up, the confirmation link from the inbox, login, the entry, and the payment as the company planned it. */
async function registerCompany(context: SeasonContext, jury: string, company: SimCompany, categoryId: string, tested: Channel[]): Promise<SeasonEntry> {
  const { client, inbox } = context;
  await client.expectOk('POST', '/api/auth/signup', {
    body: {
      companyName: company.name,
      siren: company.siren,
      country: 'FR',
      billingAddress: `${10 + company.index} rue du Commerce, 75015 Paris`,
      email: company.email,
      password: CAST_PASSWORD,
      locale: 'fr',
    },
  });
  const confirmation = await inbox.waitForMail(company.email, { subject: /Confirm/, timeoutMs: 60 * SECOND });
  await client.expectOk('POST', '/api/auth/confirm', { body: { token: linkToken(confirmation) } });
  const token = (await client.expectOk('POST', '/api/auth/login', { body: { email: company.email, password: CAST_PASSWORD } })).accessToken as string;
  const contactPoints = Object.fromEntries(tested.filter((c) => company.contactPoints[c]).map((c) => [c, company.contactPoints[c]]));
  const entry = await client.expectOk('POST', '/api/entries', { token, body: { categoryId, contactPoints } });
  const invoice = entry.invoice as { id: string; totalCents: number; number: string };
  const payment = company.payment === 'CARD' && !context.webhookSecret ? 'BANK_TRANSFER' : company.payment;
  if (payment === 'CARD') {
    // the company would be sent to the provider's hosted page; the provider then tells the platform, signed
    const { payload, signature } = signEvent(checkoutCompleted({ invoiceId: invoice.id, amountTotal: invoice.totalCents }), context.webhookSecret!);
    const ack = await client.request('POST', '/api/payments/webhook', {
      rawBody: payload,
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    });
    if (ack.status !== 200) throw new Error(`the payment webhook of ${company.name} answered ${ack.status}: ${JSON.stringify(ack.body)}`);
  } else if (payment === 'BANK_TRANSFER') {
    await client.expectOk('POST', `/api/invoices/${invoice.id}/bank-transfers`, {
      token: jury,
      body: { amountCents: invoice.totalCents, reference: `VIR ${invoice.number}`, receivedAt: new Date().toISOString() },
    });
  }
  return { company, entryId: entry.id, invoiceId: invoice.id, totalCents: invoice.totalCents, token, userEmail: company.email };
}

/** The jury's invitation, the link from the inbox, the acceptance: the shopper's access token. */
async function recruitShopper(context: SeasonContext, jury: string, shopper: SimShopper): Promise<string> {
  const { client, inbox } = context;
  await client.expectOk('POST', '/api/shoppers/invitations', {
    token: jury,
    body: { email: shopper.email, name: shopper.name, sectors: shopper.sectors, weeklyCapacity: 60 },
  });
  const invitation = await inbox.waitForMail(shopper.email, { subject: /Invitation/, timeoutMs: 60 * SECOND });
  const accepted = await client.expectOk('POST', '/api/shoppers/accept', { body: { token: linkToken(invitation), password: CAST_PASSWORD } });
  return accepted.accessToken as string;
}

interface TaskView {
  id: string;
  companyName: string;
  channel: Channel;
  windowStart: string;
  windowEnd: string;
  grid: { key: string; max: number }[];
}

/**
 * A shopper's test period: look for assigned tasks, and do each one inside its window — or, now and then,
 * miss it (only a task whose window ends early enough for its replacement to fit in the period).
 */
async function workAsShopper(
  client: ApiClient,
  shopper: SimShopper,
  token: string,
  companies: Map<string, SimCompany>,
  season: { lastRedoable: number; seed: number; testing: { open: boolean }; counts: SeasonResult['counts'] },
): Promise<void> {
  const random = new SeededRandom(season.seed, `shopper:${shopper.index}`);
  const handled = new Set<string>();
  await sleep(random.between(0, POLL_MS));
  while (season.testing.open) {
    const tasks: TaskView[] = await client.expectOk('GET', '/api/tasks?status=ASSIGNED&limit=500', { token });
    for (const task of tasks) {
      const start = Date.parse(task.windowStart);
      const end = Date.parse(task.windowEnd);
      const now = Date.now();
      if (handled.has(task.id) || now < start || now >= end - 300) continue;
      handled.add(task.id);
      if (end < season.lastRedoable && random.chance(shopper.lateness)) {
        season.counts.missed++;
        continue;
      }
      const company = companies.get(task.companyName)!;
      const answers = Object.fromEntries(task.grid.map((c) => [c.key, perceivedPoints(company, shopper, c.max, random)]));
      const facts: Record<string, unknown> = { resolved: random.chance(0.3 + 0.6 * company.quality) };
      if (task.channel === 'PHONE' || task.channel === 'CHAT') facts.waitSeconds = Math.round(random.between(10, 400) * (1.2 - company.quality));
      if (task.channel === 'EMAIL') facts.replyDelayHours = Math.round(random.between(1, 72) * (1.2 - company.quality) * 10) / 10;
      const response = await client.post(
        `/api/tasks/${task.id}/evaluation`,
        { performedAt: new Date(Math.max(start, now - 200)).toISOString(), answers, facts, comment: 'Échange conforme au scénario.' },
        token,
      );
      if (response.status !== 201) throw new Error(`${shopper.name} could not submit task ${task.id}: ${response.status} ${JSON.stringify(response.body)}`);
      season.counts.submitted++;
    }
    await sleep(POLL_MS);
  }
}

async function readReport(context: SeasonContext, entry: SeasonEntry): Promise<EntrantReport> {
  const report = await context.client.expectOk('GET', `/api/entries/${entry.entryId}/report`, { token: entry.token });
  if (context.reportsDir) {
    const pdf = await context.client.request('GET', `/api/entries/${entry.entryId}/report/pdf`, { token: entry.token });
    if (pdf.status !== 200) throw new Error(`the report PDF of ${entry.company.name} answered ${pdf.status}`);
    mkdirSync(context.reportsDir, { recursive: true });
    writeFileSync(join(context.reportsDir, `${entry.company.sector}-${entry.company.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`), pdf.body as Buffer);
  }
  return {
    entryId: entry.entryId,
    companyName: report.companyName,
    categoryCode: report.categoryCode,
    rank: report.rank,
    of: report.of,
    score: report.score,
    eligible: report.eligible,
    insufficientChannels: report.insufficientChannels,
    winner: report.winner,
  };
}

/** Demonstration editions take the latest free year, counting down from 2100, to keep clear of real ones. */
async function freeYear(client: ApiClient, jury: string): Promise<number> {
  const taken = new Set(((await client.expectOk('GET', '/api/editions', { token: jury })) as { year: number }[]).map((e) => e.year));
  for (let year = 2100; year >= 2000; year--) if (!taken.has(year)) return year;
  throw new Error('every edition year from 2000 to 2100 is taken');
}

async function waitForStatus(client: ApiClient, jury: string, editionId: string, statuses: string[], timeoutMs: number): Promise<void> {
  let last = '';
  try {
    await waitFor(
      async () => statuses.includes((last = (await client.expectOk('GET', `/api/editions/${editionId}`, { token: jury })).status)),
      timeoutMs,
      `edition ${editionId} to reach ${statuses.join(' or ')}`,
      250,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message} (still ${last}: is the worker running?)`);
  }
}

/** Every item of a paged list route (limit/offset). */
async function listAll(client: ApiClient, url: string, token: string): Promise<any[]> {
  const out: any[] = [];
  for (let offset = 0; ; offset += 500) {
    const page: unknown[] = await client.expectOk('GET', `${url}${url.includes('?') ? '&' : '?'}limit=500&offset=${offset}`, { token });
    out.push(...page);
    if (page.length < 500) return out;
  }
}

function linkToken(mail: InboxMessage): string {
  const match = /[?&]token=([^\s"&<]+)/.exec(mail.text);
  if (!match) throw new Error(`no link with a token in "${mail.subject}"`);
  return decodeURIComponent(match[1]);
}

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris' });
}
