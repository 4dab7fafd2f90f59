import { randomUUID } from 'node:crypto';
import { inParallel } from '../parallel';
import { sleep } from '../wait';
import { buildCast, GRIDS, SCENARIOS, type Channel } from './cast';
import { readReport, registerCompany } from './companies';
import { weightsFor, type SeasonOptions } from './options';
import { SeededRandom } from './random';
import { recruitShopper, workAsShopper } from './shoppers';
import { clock, freeYear, listAll, POLL_MS, SECOND, waitForStatus } from './steps';
import { PHASES, SILENT_PROGRESS, type Phase, type SeasonContext, type SeasonResult } from './types';

export * from './cast';
export * from './inbox';
export * from './options';
export * from './types';
export { CAST_PASSWORD } from './steps';

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
