import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { AccountsService, Role, TokensService } from '@app/accounts';
import {
  CategoriesService,
  EditionCalendar,
  EditionStatus,
  EditionsService,
  calendarPlan,
  parseInstant,
  type CalendarEdition,
  type Edition,
} from '@app/contest';
import { ConflictError, JobId, NotFoundError, QueueName } from '@app/core';
import { PASSWORD, randomSiren, uniqueEmail } from './support/fixtures';
import { TestPlatform } from './support/platform';
import { CalendarRecovery } from '../apps/worker/src/calendar/calendar-recovery';

const PARIS = 'Europe/Paris';
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const WALL_CLOCK = "yyyy-MM-dd'T'HH:mm:ss.SSS";

/** A wall-clock time in Paris `days` from today, at `time`. */
const parisDay = (days: number, time = { hour: 23, minute: 59, second: 59, millisecond: 999 }) =>
  DateTime.now().setZone(PARIS).plus({ days }).set(time).toFormat(WALL_CLOCK);

describe('contest set-up: editions, categories and the calendar jobs', () => {
  let platform: TestPlatform;
  let jury: string;
  let company: string;
  let queue: Queue;
  let editions: EditionsService;
  let calendar: EditionCalendar;

  beforeAll(async () => {
    // No worker: the calendar jobs stay on the queue for the test to read.
    platform = await TestPlatform.start({ worker: false });
    queue = platform.api.get<Queue>(getQueueToken(QueueName.EditionCalendar));
    editions = platform.api.get(EditionsService);
    calendar = platform.api.get(EditionCalendar);

    const juryEmail = uniqueEmail('jury');
    await platform.api.get(AccountsService).createJuryUser({ email: juryEmail, password: PASSWORD });
    jury = (await platform.client.post('/api/auth/login', { email: juryEmail, password: PASSWORD })).body.accessToken;

    // A company user straight in the database (sign-up is accounts.e2e-spec.ts's subject).
    const [row] = await platform.dataSource.query(
      `INSERT INTO company (legal_name, siren, country, billing_address) VALUES ('Banque Exemple SA', $1, 'FR', '1 rue de la Paix, 75002 Paris') RETURNING id`,
      [randomSiren()],
    );
    const [user] = await platform.dataSource.query(
      `INSERT INTO app_user (email, password_hash, role, company_id, email_confirmed_at) VALUES ($1, 'x', 'COMPANY', $2, now()) RETURNING id`,
      [uniqueEmail('company'), row.id],
    );
    company = platform.api.get(TokensService).issueAccessToken({ id: user.id, role: Role.Company, companyId: row.id });
  });
  afterAll(async () => {
    await platform.close();
  });

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await platform.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n);
  const writes = async () => ({ editions: await count('edition'), categories: await count('category'), audit: await count('audit_log') });

  /** A year no edition has yet (test files share one database, one at a time). */
  const freeYear = async (): Promise<number> => {
    const [row] = await platform.dataSource.query(`SELECT y FROM generate_series(2000, 2100) y WHERE y NOT IN (SELECT year FROM edition) ORDER BY y LIMIT 1`);
    return row.y;
  };

  /** Deadline a month away (Paris wall-clock times), registration open since yesterday; paymentDueAt left to its default. */
  const editionBody = async (overrides: Record<string, unknown> = {}) => ({
    year: await freeYear(),
    name: 'Élu service client de l’année',
    timezone: PARIS,
    registrationOpensAt: parisDay(-1, { hour: 9, minute: 0, second: 0, millisecond: 0 }),
    registrationDeadline: parisDay(30),
    testPeriodStart: parisDay(50, { hour: 0, minute: 0, second: 0, millisecond: 0 }),
    testPeriodEnd: parisDay(110),
    resultsPublishAt: parisDay(230, { hour: 10, minute: 0, second: 0, millisecond: 0 }),
    ...overrides,
  });

  const createEdition = async (overrides: Record<string, unknown> = {}) => {
    const response = await platform.client.post('/api/editions', await editionBody(overrides), jury);
    if (response.status !== 201) throw new Error(`edition creation failed: ${JSON.stringify(response.body)}`);
    return response.body as {
      id: string;
      year: number;
      registrationDeadline: string;
      paymentDueAt: string;
      testPeriodStart: string;
      testPeriodEnd: string;
      status: string;
    };
  };

  const criteria = [
    { key: 'greeting', label: 'Accueil', max: 4, weight: 1 },
    { key: 'answer', label: 'Exactitude de la réponse', max: 4, weight: 2 },
  ];
  const categoryBody = (overrides: Record<string, unknown> = {}) => ({
    code: `banking-${randomUUID().slice(0, 6)}`,
    name: 'Banque',
    entryFeeCents: 1_368_000,
    licenceFeeCents: 2_160_000,
    quotas: { PHONE: 60, EMAIL: 30 },
    weights: { PHONE: 70, EMAIL: 30 },
    grids: { PHONE: criteria, EMAIL: criteria },
    scenarios: [
      { channel: 'PHONE', text: 'Demander comment résilier le contrat' },
      { channel: 'EMAIL', text: 'Signaler une erreur de facturation' },
    ],
    ...overrides,
  });
  const createCategory = async (editionId: string, overrides: Record<string, unknown> = {}) => {
    const response = await platform.client.post(`/api/editions/${editionId}/categories`, categoryBody(overrides), jury);
    if (response.status !== 201) throw new Error(`category creation failed: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const openedEdition = async (overrides: Record<string, unknown> = {}) => {
    const edition = await createEdition(overrides);
    await createCategory(edition.id);
    const open = await platform.client.post(`/api/editions/${edition.id}/open`, {}, jury);
    if (open.status !== 200) throw new Error(`open failed: ${JSON.stringify(open.body)}`);
    return open.body as typeof edition;
  };

  const asCalendar = (
    e: { id: string; registrationDeadline: string; paymentDueAt: string; testPeriodStart: string; testPeriodEnd: string },
    timezone = PARIS,
  ): CalendarEdition => ({
    id: e.id,
    timezone,
    registrationDeadline: new Date(e.registrationDeadline),
    paymentDueAt: new Date(e.paymentDueAt),
    testPeriodStart: new Date(e.testPeriodStart),
    testPeriodEnd: new Date(e.testPeriodEnd),
  });
  const pendingJobIds = async (editionId: string) =>
    (await queue.getJobs(['delayed', 'waiting']))
      .filter((job) => job.data?.editionId === editionId)
      .map((job) => job.id!)
      .sort();

  describe('editions', () => {
    it('creates a DRAFT edition, reading wall-clock times in its zone and defaulting paymentDueAt to deadline + 15 days', async () => {
      const year = await freeYear();
      const response = await platform.client.post(
        '/api/editions',
        {
          year,
          name: `Élu service client de l’année ${year}`,
          registrationOpensAt: '2026-12-01T09:00',
          registrationDeadline: '2027-03-10T23:59:59.999',
          testPeriodStart: '2027-04-01T00:00',
          testPeriodEnd: '2027-06-30T23:59:59.999',
          resultsPublishAt: '2027-10-05T08:00:00Z',
        },
        jury,
      );
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        year,
        name: `Élu service client de l’année ${year}`,
        timezone: 'Europe/Paris',
        status: 'DRAFT',
        registrationOpensAt: '2026-12-01T08:00:00.000Z',
        registrationDeadline: '2027-03-10T22:59:59.999Z',
        paymentDueAt: '2027-03-25T22:59:59.999Z',
        testPeriodStart: '2027-03-31T22:00:00.000Z',
        testPeriodEnd: '2027-06-30T21:59:59.999Z',
        resultsPublishAt: '2027-10-05T08:00:00.000Z',
        resultsFrozenAt: null,
        local: {
          registrationOpensAt: '2026-12-01T09:00:00.000+01:00',
          registrationDeadline: '2027-03-10T23:59:59.999+01:00',
          paymentDueAt: '2027-03-25T23:59:59.999+01:00',
          testPeriodStart: '2027-04-01T00:00:00.000+02:00',
          testPeriodEnd: '2027-06-30T23:59:59.999+02:00',
          resultsPublishAt: '2027-10-05T10:00:00.000+02:00',
          resultsFrozenAt: null,
        },
      });
      const [row] = await platform.dataSource.query(`SELECT status, registration_deadline FROM edition WHERE id = $1`, [response.body.id]);
      expect(row).toEqual({ status: 'DRAFT', registration_deadline: new Date('2027-03-10T22:59:59.999Z') });
      expect(await count('audit_log', `action = 'edition.create' AND subject_id = $1`, [response.body.id])).toBe(1);
    });

    it('keeps the wall-clock time when the default payment due date crosses the spring-forward change', async () => {
      const edition = await createEdition({
        registrationOpensAt: '2027-01-10T09:00',
        registrationDeadline: '2027-03-20T23:59:59.999',
        testPeriodStart: '2027-04-10T00:00',
        testPeriodEnd: '2027-06-30T23:59:59.999',
        resultsPublishAt: '2027-10-05T10:00',
      });
      expect(edition.paymentDueAt).toBe('2027-04-04T21:59:59.999Z'); // 23:59:59.999 Paris, summer time
    });

    it('answers the deadline boundary to the millisecond through assertAcceptingEntries (Europe/Paris)', async () => {
      const created = await createEdition({
        registrationOpensAt: '2026-11-01T09:00',
        registrationDeadline: '2027-03-10T23:59:59.999',
        testPeriodStart: '2027-04-01T00:00',
        testPeriodEnd: '2027-06-30T23:59:59.999',
        resultsPublishAt: '2027-10-05T10:00',
      });
      const local = (value: string) => parseInstant('now', value, PARIS);
      const draft = await editions.findOrFail(created.id);
      expect(() => editions.assertAcceptingEntries(draft, local('2027-01-15T10:00'))).toThrow(`registration for edition ${created.year} is not open yet`);

      await createCategory(created.id);
      expect((await platform.client.post(`/api/editions/${created.id}/open`, {}, jury)).status).toBe(200);
      const edition = await editions.findOrFail(created.id);
      // The rule is now < deadline: with the rulebook's deadline 23:59:59.999, .998 is the last millisecond in, .999 the first out.
      const lastMillisecond = local('2027-03-10T23:59:59.998');
      const firstMillisecondOut = local('2027-03-10T23:59:59.999');
      expect(firstMillisecondOut.getTime() - lastMillisecond.getTime()).toBe(1);
      expect(() => editions.assertAcceptingEntries(edition, lastMillisecond)).not.toThrow();
      expect(editions.registrationWindow(edition, lastMillisecond)).toEqual({ open: true });
      for (const late of [firstMillisecondOut, local('2027-03-11T00:00:00.000')]) {
        expect(() => editions.assertAcceptingEntries(edition, late)).toThrow(ConflictError);
        expect(() => editions.assertAcceptingEntries(edition, late)).toThrow(
          `registration for edition ${created.year} closed at 10/03/2027 23:59:59 (Europe/Paris)`,
        );
      }

      // A deadline at midnight: 23:59:59.999 is in, 00:00:00.000 is out.
      const midnight = { ...edition, registrationDeadline: local('2027-03-11T00:00') } as Edition;
      expect(() => editions.assertAcceptingEntries(midnight, local('2027-03-10T23:59:59.999'))).not.toThrow();
      expect(() => editions.assertAcceptingEntries(midnight, local('2027-03-11T00:00:00.000'))).toThrow(
        `registration for edition ${created.year} closed at 11/03/2027 00:00:00 (Europe/Paris)`,
      );
    });

    it('takes a deadline right after the spring-forward gap, with D-1 23 h before it, and refuses one inside the gap', async () => {
      const calendarBody = {
        registrationOpensAt: '2027-01-10T09:00',
        testPeriodStart: '2027-04-20T00:00',
        testPeriodEnd: '2027-06-30T23:59:59.999',
        resultsPublishAt: '2027-10-05T10:00',
      };
      const before = await writes();
      const inGap = await platform.client.post('/api/editions', await editionBody({ ...calendarBody, registrationDeadline: '2027-03-28T02:30' }), jury);
      expect(inGap.status).toBe(400);
      expect(inGap.body.message).toMatch(/registrationDeadline 2027-03-28T02:30 does not exist in Europe\/Paris: the clocks jump forward/);
      expect(await writes()).toEqual(before);

      const created = await createEdition({ ...calendarBody, registrationDeadline: '2027-03-28T03:00' });
      expect(created.registrationDeadline).toBe('2027-03-28T01:00:00.000Z');
      const edition = await editions.findOrFail(created.id);
      const reminder = calendarPlan(edition).find((s) => s.step === 'deadline-reminder-1')!;
      expect(reminder.at.toISOString()).toBe('2027-03-27T02:00:00.000Z'); // 03:00 Paris, winter time
      expect(edition.registrationDeadline.getTime() - reminder.at.getTime()).toBe(23 * HOUR);
      const open = { ...edition, status: EditionStatus.Open } as Edition;
      expect(editions.registrationWindow(open, new Date(edition.registrationDeadline.getTime() - 1))).toEqual({ open: true });
      expect(() => editions.assertAcceptingEntries(open, edition.registrationDeadline)).toThrow(/closed at 28\/03\/2027 03:00:00 \(Europe\/Paris\)/);
    });

    describe('refuses a bad edition with a 400 naming the rule, and writes nothing', () => {
      const cases: [string, Record<string, unknown>, RegExp][] = [
        ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, /timezone must be an IANA time zone such as Europe\/Paris/],
        ['a deadline before the opening', { registrationOpensAt: parisDay(40) }, /registrationDeadline \(.*\) must be later than registrationOpensAt/],
        ['a payment due date before the deadline', { paymentDueAt: parisDay(29) }, /paymentDueAt \(.*\) must not be earlier than registrationDeadline/],
        [
          'a default payment due date after the test period starts',
          { testPeriodStart: parisDay(35) },
          /testPeriodStart \(.*\) must not be earlier than paymentDueAt .*paymentDueAt defaults to registrationDeadline \+ 15 days/,
        ],
        [
          'an empty test period',
          { testPeriodEnd: parisDay(50, { hour: 0, minute: 0, second: 0, millisecond: 0 }) },
          /testPeriodEnd \(.*\) must be later than testPeriodStart/,
        ],
        ['results before the end of the tests', { resultsPublishAt: parisDay(100) }, /resultsPublishAt \(.*\) must not be earlier than testPeriodEnd/],
        ['a local time in the DST gap', { registrationOpensAt: '2026-03-29T02:15' }, /registrationOpensAt 2026-03-29T02:15 does not exist in Europe\/Paris/],
        ['an instant that is not ISO-8601', { registrationDeadline: '10/03/2027' }, /registrationDeadline must be an ISO-8601 date-time/],
        ['an impossible date', { testPeriodEnd: '2027-02-30T10:00' }, /testPeriodEnd is not a real date-time/],
        ['a year out of range', { year: 1999 }, /year must be between 2000 and 2100/],
        ['a year as text', { year: '2027' }, /year must be a whole number/],
        ['a missing name', { name: undefined }, /name must be 2 to 200 characters long/],
        ['an unknown field', { status: 'OPEN' }, /property status should not exist/],
      ];
      it.each(cases)('%s', async (_label, overrides, message) => {
        const before = await writes();
        const response = await platform.client.post('/api/editions', await editionBody(overrides), jury);
        expect(response.status).toBe(400);
        expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(message), code: 'VALIDATION_FAILED' });
        expect(await writes()).toEqual(before);
      });
    });

    it('refuses a second edition for a year with 409, and non-jury callers with 401/403', async () => {
      const existing = await createEdition();
      const before = await writes();
      const duplicate = await platform.client.post('/api/editions', await editionBody({ year: existing.year }), jury);
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.message).toBe(`an edition for ${existing.year} already exists: there is one edition a year`);

      const asCompany = await platform.client.post('/api/editions', await editionBody(), company);
      expect(asCompany.status).toBe(403);
      expect(asCompany.body.message).toBe('this route is for JURY users only');
      expect((await platform.client.post('/api/editions', await editionBody())).status).toBe(401);
      for (const route of [`/api/editions/${existing.id}/open`, `/api/editions/${existing.id}/deadline-extension`, `/api/editions/${existing.id}/categories`]) {
        expect((await platform.client.post(route, {}, company)).status).toBe(403);
      }
      expect(await writes()).toEqual(before);
    });

    it('hides draft editions and their categories from everyone but the jury', async () => {
      const draft = await createEdition();
      await createCategory(draft.id);
      const ids = (body: { id: string }[]) => body.map((e) => e.id);

      expect(ids((await platform.client.get('/api/editions')).body)).not.toContain(draft.id);
      expect(ids((await platform.client.get('/api/editions', company)).body)).not.toContain(draft.id);
      expect(ids((await platform.client.get('/api/editions', jury)).body)).toContain(draft.id);
      for (const token of [undefined, company]) {
        const one = await platform.client.get(`/api/editions/${draft.id}`, token);
        expect(one.status).toBe(404);
        expect(one.body.message).toBe(`edition ${draft.id} does not exist`);
        expect((await platform.client.get(`/api/editions/${draft.id}/categories`, token)).status).toBe(404);
      }
      expect((await platform.client.get(`/api/editions/${draft.id}`, jury)).body.status).toBe('DRAFT');
      const juryCategories = await platform.client.get(`/api/editions/${draft.id}/categories`, jury);
      expect(juryCategories.status).toBe(200);
      expect(juryCategories.body[0].scenarios).toHaveLength(2);

      expect((await platform.client.post(`/api/editions/${draft.id}/open`, {}, jury)).status).toBe(200);
      const publicOne = await platform.client.get(`/api/editions/${draft.id}`);
      expect(publicOne.status).toBe(200);
      expect(publicOne.body).toMatchObject({
        id: draft.id,
        status: 'OPEN',
        local: { registrationDeadline: expect.stringMatching(/T23:59:59\.999\+0[12]:00$/) },
      });
      expect(ids((await platform.client.get('/api/editions')).body)).toContain(draft.id);
      const publicCategories = await platform.client.get(`/api/editions/${draft.id}/categories`);
      expect(publicCategories.status).toBe(200);
      expect(publicCategories.body[0]).toMatchObject({ entryFeeCents: 1_368_000, entryFeeInclVatCents: 1_641_600 });
      expect(publicCategories.body[0]).not.toHaveProperty('scenarios');
    });

    it('answers 404 for an unknown or malformed id and 401 for a bad token on a public route', async () => {
      const unknown = randomUUID();
      expect((await platform.client.get(`/api/editions/${unknown}`, jury)).body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: `edition ${unknown} does not exist`,
        code: 'NOT_FOUND',
      });
      expect((await platform.client.get('/api/editions/not-a-uuid', jury)).status).toBe(404);
      expect((await platform.client.post('/api/editions/not-a-uuid/open', {}, jury)).status).toBe(404);
      expect((await platform.client.get(`/api/editions/${unknown}/categories`)).status).toBe(404);
      const badToken = await platform.client.get('/api/editions', 'forged.token.value');
      expect(badToken.status).toBe(401);
      expect(badToken.body.message).toMatch(/access token is invalid or has expired/);
      await expect(platform.api.get(CategoriesService).findOrFail(unknown)).rejects.toThrow(new NotFoundError(`category ${unknown} does not exist`));
    });
  });

  describe('categories', () => {
    it('stores the fees, the VAT rate in basis points and the defaults, and shows fees including VAT', async () => {
      const edition = await createEdition();
      const body = categoryBody({
        vatRate: 5.5,
        entryFeeCents: 99_999,
        licenceFeeCents: 0,
        quotas: { PHONE: 125, EMAIL: 45, WEB: 30, CHAT: 15, SOCIAL: 10 },
        weights: { PHONE: 40, EMAIL: 20, WEB: 15, CHAT: 15, SOCIAL: 10 },
        grids: { PHONE: criteria, EMAIL: criteria, WEB: criteria, CHAT: criteria, SOCIAL: criteria },
        scenarios: ['PHONE', 'EMAIL', 'WEB', 'CHAT', 'SOCIAL'].map((channel) => ({ channel, text: `Scénario ${channel}` })),
      });
      const created = await platform.client.post(`/api/editions/${edition.id}/categories`, body, jury);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        editionId: edition.id,
        code: body.code,
        entryFeeCents: 99_999,
        entryFeeInclVatCents: 105_499, // 5 499.945 → 5 500 cents of VAT
        licenceFeeInclVatCents: 0,
        vatRate: 5.5,
        quotas: body.quotas,
        weights: body.weights,
        minEntries: 3,
        awardThreshold: 12,
        status: 'ACTIVE',
        cancelledAt: null,
      });
      const [row] = await platform.dataSource.query(`SELECT vat_rate_bp, min_entries, award_threshold FROM category WHERE id = $1`, [created.body.id]);
      expect(row).toEqual({ vat_rate_bp: 550, min_entries: 3, award_threshold: '12.00' });

      const defaults = await createCategory(edition.id, { minEntries: 5, awardThreshold: 13.5 });
      expect(defaults).toMatchObject({ vatRate: 20, entryFeeInclVatCents: 1_641_600, licenceFeeInclVatCents: 2_592_000, minEntries: 5, awardThreshold: 13.5 });
    });

    describe('refuses a bad category with a 400 naming the rule, and writes nothing', () => {
      const cases: [string, Record<string, unknown>, RegExp][] = [
        ['a negative entry fee', { entryFeeCents: -1 }, /entryFeeCents must not be negative/],
        ['a fee in euros with decimals', { licenceFeeCents: 12.5 }, /licenceFeeCents must be a whole number of cents/],
        ['weights that do not sum to 100', { weights: { PHONE: 60, EMAIL: 30 } }, /weights must sum to 100 \(got 90\)/],
        ['a weight on a channel without quota', { weights: { PHONE: 60, EMAIL: 30, CHAT: 10 } }, /weights.CHAT is set but CHAT has no quota/],
        [
          'a tested channel without grid',
          { grids: { PHONE: criteria } },
          /grids.EMAIL is missing: every channel with a quota needs a non-empty evaluation grid/,
        ],
        [
          'a criterion key twice in a grid',
          { grids: { PHONE: [...criteria, criteria[0]], EMAIL: criteria } },
          /grids.PHONE has the criterion key "greeting" more than once/,
        ],
        [
          'a criterion worth 0 points',
          { grids: { PHONE: [{ ...criteria[0], max: 0 }], EMAIL: criteria } },
          /grids.PHONE.0.max must be a whole number of points from 1 to 100/,
        ],
        [
          'a tested channel without scenario',
          { scenarios: [{ channel: 'PHONE', text: 'Résilier' }] },
          /scenarios must include at least one scenario for EMAIL/,
        ],
        ['an unknown channel', { quotas: { PHONE: 60, EMAIL: 30, FAX: 3 } }, /property FAX should not exist/],
        [
          'a scenario on an unknown channel',
          { scenarios: [{ channel: 'FAX', text: 'Envoyer un fax' }] },
          /scenarios.0.channel must be one of PHONE, EMAIL, WEB, CHAT, SOCIAL/,
        ],
        ['a code that is not a slug', { code: 'Banking Services' }, /code must be a lowercase slug/],
        ['a VAT rate above 100 %', { vatRate: 120 }, /vatRate must be a percentage from 0 to 100/],
        ['an award threshold above 20', { awardThreshold: 25 }, /awardThreshold must be a score from 0 to 20/],
        ['no minimum of entries', { minEntries: 0 }, /minEntries must be a whole number from 1 to 1000/],
        ['quotas that are not an object', { quotas: 60 }, /quotas must be an object/],
        ['an unknown field', { discount: 10 }, /property discount should not exist/],
      ];
      let editionId: string;
      beforeAll(async () => {
        editionId = (await createEdition()).id;
      });
      it.each(cases)('%s', async (_label, overrides, message) => {
        const before = await writes();
        const response = await platform.client.post(`/api/editions/${editionId}/categories`, categoryBody(overrides), jury);
        expect(response.status).toBe(400);
        expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(message), code: 'VALIDATION_FAILED' });
        expect(await writes()).toEqual(before);
      });
    });

    it('refuses a duplicate code (409), an unknown edition (404) and an edition past OPEN (409)', async () => {
      const edition = await createEdition();
      const first = await createCategory(edition.id, { code: 'energy' });
      const before = await writes();
      const duplicate = await platform.client.post(`/api/editions/${edition.id}/categories`, categoryBody({ code: 'energy' }), jury);
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.message).toBe('this edition already has a category with the code energy: codes are unique within an edition');
      const elsewhere = await createEdition();
      expect((await createCategory(elsewhere.id, { code: 'energy' })).id).not.toBe(first.id);

      const unknown = randomUUID();
      const missing = await platform.client.post(`/api/editions/${unknown}/categories`, categoryBody(), jury);
      expect(missing.status).toBe(404);
      expect(missing.body.message).toBe(`edition ${unknown} does not exist`);

      await platform.dataSource.query(`UPDATE edition SET status = 'CLOSED' WHERE id = $1`, [edition.id]);
      const closed = await platform.client.post(`/api/editions/${edition.id}/categories`, categoryBody(), jury);
      expect(closed.status).toBe(409);
      expect(closed.body.message).toBe(`edition ${edition.year} is CLOSED: categories can be added only while it is DRAFT or OPEN`);
      expect(await count('category', 'edition_id = $1', [edition.id])).toBe(1);
      expect((await writes()).audit).toBe(before.audit + 2); // only the other edition and its category
    });

    it('cancels a category once: status CANCELLED with its date, and a second cancel changes nothing', async () => {
      const edition = await createEdition();
      const category = await createCategory(edition.id);
      const categories = platform.api.get(CategoriesService);
      expect(await platform.dataSource.transaction((tx) => categories.cancel(tx, category.id))).toBe(true);
      const cancelled = await categories.findOrFail(category.id);
      expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledAt: expect.any(Date) });
      expect(await platform.dataSource.transaction((tx) => categories.cancel(tx, category.id))).toBe(false);
      expect((await categories.findOrFail(category.id)).cancelledAt).toEqual(cancelled.cancelledAt);
      const listed = await platform.client.get(`/api/editions/${edition.id}/categories`, jury);
      expect(listed.body[0]).toMatchObject({ status: 'CANCELLED', cancelledAt: cancelled.cancelledAt!.toISOString() });
    });
  });

  describe('opening and the calendar jobs', () => {
    it('opens a draft with a category, schedules exactly its five delayed jobs, and refuses to open twice', async () => {
      const edition = await createEdition();
      const empty = await platform.client.post(`/api/editions/${edition.id}/open`, {}, jury);
      expect(empty.status).toBe(409);
      expect(empty.body.message).toBe(`edition ${edition.year} has no category: add at least one category before opening it`);
      expect(await pendingJobIds(edition.id)).toEqual([]);

      await createCategory(edition.id);
      const openedAt = Date.now();
      const opened = await platform.client.post(`/api/editions/${edition.id}/open`, {}, jury);
      expect(opened.status).toBe(200);
      expect(opened.body.status).toBe('OPEN');
      expect(await count('audit_log', `action = 'edition.open' AND subject_id = $1`, [edition.id])).toBe(1);

      const deadline = new Date(edition.registrationDeadline);
      const zoned = DateTime.fromJSDate(deadline, { zone: PARIS });
      const expected = [
        { name: 'deadline-reminder', step: 'deadline-reminder-7', at: zoned.minus({ days: 7 }).toJSDate(), data: { editionId: edition.id, daysBefore: 7 } },
        { name: 'deadline-reminder', step: 'deadline-reminder-1', at: zoned.minus({ days: 1 }).toJSDate(), data: { editionId: edition.id, daysBefore: 1 } },
        { name: 'registration-close', step: 'registration-close', at: deadline, data: { editionId: edition.id } },
        { name: 'payment-due', step: 'payment-due', at: new Date(edition.paymentDueAt), data: { editionId: edition.id } },
        { name: 'test-period-start', step: 'test-period-start', at: new Date(edition.testPeriodStart), data: { editionId: edition.id } },
        { name: 'test-period-end', step: 'test-period-end', at: new Date(edition.testPeriodEnd), data: { editionId: edition.id } },
      ];
      for (const step of expected) {
        const job = await queue.getJob(JobId.calendar(edition.id, step.step, step.at));
        expect(job).toBeDefined();
        expect(job!.name).toBe(step.name);
        expect(job!.data).toEqual(step.data);
        expect(await job!.isDelayed()).toBe(true);
        // delay = instant − now at scheduling time
        expect(Math.abs(job!.delay - (step.at.getTime() - openedAt))).toBeLessThan(2000);
        expect(Math.abs(job!.timestamp + job!.delay - step.at.getTime())).toBeLessThan(2000);
        expect(job!.opts.attempts).toBe(10);
      }
      expect(await pendingJobIds(edition.id)).toEqual(expected.map((s) => JobId.calendar(edition.id, s.step, s.at)).sort());

      const again = await platform.client.post(`/api/editions/${edition.id}/open`, {}, jury);
      expect(again.status).toBe(409);
      expect(again.body.message).toBe(`edition ${edition.year} is OPEN: only a DRAFT edition can be opened`);
      expect(await count('audit_log', `action = 'edition.open' AND subject_id = $1`, [edition.id])).toBe(1);
      expect(await pendingJobIds(edition.id)).toHaveLength(6);
    });

    it('skips a reminder whose instant has already passed', async () => {
      const edition = await openedEdition({ registrationDeadline: parisDay(3) });
      const plan = calendarPlan(asCalendar(edition));
      expect(await pendingJobIds(edition.id)).toEqual(
        plan
          .filter((s) => s.step !== 'deadline-reminder-7')
          .map((s) => s.jobId)
          .sort(),
      );
    });

    it('extends the deadline: new jobs in, the old deadline’s jobs out, the audit log says who, from, to and why', async () => {
      const edition = await openedEdition();
      const oldPlan = calendarPlan(asCalendar(edition));
      const response = await platform.client.post(
        `/api/editions/${edition.id}/deadline-extension`,
        { registrationDeadline: parisDay(37), reason: 'Requested by several companies after the bank holiday' },
        jury,
      );
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('OPEN');
      expect(response.body.local.registrationDeadline).toBe(`${parisDay(37)}${DateTime.fromISO(parisDay(37), { zone: PARIS }).toFormat('ZZ')}`);
      expect(new Date(response.body.registrationDeadline).getTime()).toBeGreaterThan(new Date(edition.registrationDeadline).getTime());
      expect(response.body.paymentDueAt).toBe(edition.paymentDueAt);

      const newPlan = calendarPlan(asCalendar(response.body));
      for (const step of oldPlan.filter((s) => !['payment-due', 'test-period-start', 'test-period-end'].includes(s.step)))
        expect(await queue.getJob(step.jobId)).toBeUndefined();
      for (const step of newPlan) expect(await (await queue.getJob(step.jobId))?.isDelayed()).toBe(true);
      expect(await pendingJobIds(edition.id)).toEqual(newPlan.map((s) => s.jobId).sort());

      const [log] = await platform.dataSource.query(`SELECT actor_id, details FROM audit_log WHERE action = 'edition.deadline-extension' AND subject_id = $1`, [
        edition.id,
      ]);
      expect(log.actor_id).toEqual(expect.any(String));
      expect(log.details).toEqual({
        from: edition.registrationDeadline,
        to: response.body.registrationDeadline,
        reason: 'Requested by several companies after the bank holiday',
      });
    });

    it('refuses a bad extension with 400/409 naming the rule, and changes nothing', async () => {
      const edition = await openedEdition();
      const draft = await createEdition();
      const jobsBefore = await pendingJobIds(edition.id);
      const auditBefore = await count('audit_log');
      const extend = (id: string, body: Record<string, unknown>) => platform.client.post(`/api/editions/${id}/deadline-extension`, body, jury);
      const cases: [string, string, Record<string, unknown>, number, RegExp][] = [
        ['no reason', edition.id, { registrationDeadline: parisDay(35) }, 400, /reason must be 3 to 500 characters long/],
        ['a reason too short', edition.id, { registrationDeadline: parisDay(35), reason: 'no' }, 400, /reason must be 3 to 500 characters long/],
        [
          'an earlier deadline',
          edition.id,
          { registrationDeadline: parisDay(20), reason: 'typo' },
          400,
          /registrationDeadline \(.*\) must be later than the current deadline/,
        ],
        [
          'the same deadline',
          edition.id,
          { registrationDeadline: edition.registrationDeadline, reason: 'same' },
          400,
          /must be later than the current deadline/,
        ],
        [
          'a deadline after the payment due date',
          edition.id,
          { registrationDeadline: parisDay(46), reason: 'late' },
          400,
          /registrationDeadline \(.*\) must not be later than paymentDueAt/,
        ],
        [
          'a draft edition',
          draft.id,
          { registrationDeadline: parisDay(35), reason: 'early' },
          409,
          /is DRAFT: the deadline can be extended only while registration is OPEN/,
        ],
      ];
      for (const [label, id, body, status, message] of cases) {
        const response = await extend(id, body);
        expect({ label, status: response.status, message: response.body.message }).toEqual({ label, status, message: expect.stringMatching(message) });
      }
      expect((await editions.findOrFail(edition.id)).registrationDeadline.toISOString()).toBe(edition.registrationDeadline);
      expect(await pendingJobIds(edition.id)).toEqual(jobsBefore);
      expect(await count('audit_log')).toBe(auditBefore);

      await platform.dataSource.query(`UPDATE edition SET results_frozen_at = now() WHERE id = $1`, [edition.id]);
      const frozen = await extend(edition.id, { registrationDeadline: parisDay(35), reason: 'after the freeze' });
      expect(frozen.status).toBe(409);
      expect(frozen.body.message).toBe(`the results of edition ${edition.year} are frozen: its deadline can no longer change`);
    });

    it('refuses an extension once the deadline has passed, and the clock rule closes registration even though the status is still OPEN', async () => {
      const now = Date.now();
      const iso = (delta: number) => new Date(now + delta).toISOString();
      const edition = await openedEdition({
        registrationOpensAt: iso(-10 * DAY),
        registrationDeadline: iso(-HOUR),
        paymentDueAt: iso(10 * DAY),
        testPeriodStart: iso(20 * DAY),
        testPeriodEnd: iso(60 * DAY),
        resultsPublishAt: iso(90 * DAY),
      });
      const late = await platform.client.post(`/api/editions/${edition.id}/deadline-extension`, { registrationDeadline: iso(DAY), reason: 'too late' }, jury);
      expect(late.status).toBe(409);
      expect(late.body.message).toMatch(/^the registration deadline has already passed \(\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d \(Europe\/Paris\)\)/);

      const stored = await editions.findOrFail(edition.id);
      expect(stored.status).toBe('OPEN');
      expect(editions.registrationWindow(stored)).toEqual({
        open: false,
        reason: expect.stringMatching(new RegExp(`^registration for edition ${edition.year} closed at`)),
        code: 'REGISTRATION_CLOSED',
      });
      // The close is due now (delay 0) and both reminders are past.
      const close = await queue.getJob(JobId.calendar(edition.id, 'registration-close', stored.registrationDeadline));
      expect(close?.delay).toBe(0);
      expect(await pendingJobIds(edition.id)).toHaveLength(4);
    });

    it('advances the status once: a second identical move is a no-op', async () => {
      const edition = await openedEdition();
      const move = () => platform.dataSource.transaction((tx) => editions.advanceStatus(tx, edition.id, [EditionStatus.Open], EditionStatus.Closed));
      expect(await move()).toBe(true);
      expect(await move()).toBe(false);
      expect((await editions.findOrFail(edition.id)).status).toBe('CLOSED');
      expect(await count('audit_log', `action = 'edition.status' AND subject_id = $1`, [edition.id])).toBe(1);
    });

    it('the reconciler recreates lost jobs and removes the stale ones of an old deadline', async () => {
      const edition = await openedEdition();
      const plan = calendarPlan(asCalendar(edition));
      // Redis lost the edition's jobs, and a job of a deadline since extended is left behind.
      for (const step of plan) expect(await queue.remove(step.jobId)).toBe(1);
      const oldDeadline = new Date(new Date(edition.registrationDeadline).getTime() - 2 * DAY);
      const staleId = JobId.calendar(edition.id, 'registration-close', oldDeadline);
      await queue.add('registration-close', { editionId: edition.id }, { jobId: staleId, delay: DAY });
      expect(await pendingJobIds(edition.id)).toEqual([staleId]);

      await new CalendarRecovery(calendar).reconcile();
      expect(await pendingJobIds(edition.id)).toEqual(plan.map((s) => s.jobId).sort());
      expect(await queue.getJob(staleId)).toBeUndefined();

      // Idempotent: running it again changes nothing.
      const again = await calendar.rescheduleAll();
      expect(again.removed).toBe(0);
      expect(again.editions).toBeGreaterThanOrEqual(1);
      expect(await pendingJobIds(edition.id)).toEqual(plan.map((s) => s.jobId).sort());
    });
  });
});
