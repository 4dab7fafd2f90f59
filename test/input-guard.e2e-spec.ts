import { TestPlatform } from './support/platform';
import { signupBody } from './support/fixtures';
import { categoryBody, contactPoints, createCategory, createEdition, juryToken, openEdition, quickCompanies } from './support/season';
import { quickShoppers, seedEntryInTest, seedTask, type QuickShopper } from './support/shoppers';
import { changedTables, stateChecksum } from './support/state';

/** Every class of input that once answered 500, or was silently accepted, answered 400 naming the field and the rule. */
describe('the input guard: one layer in front of every route', () => {
  let platform: TestPlatform;
  let jury: string;
  let company: { token: string };
  let shopper: QuickShopper;
  let editionId: string;
  let categoryId: string;
  let taskId: string;

  beforeAll(async () => {
    platform = await TestPlatform.start({ worker: false });
    jury = await juryToken(platform);
    const edition = await createEdition(platform, jury);
    editionId = edition.id;
    categoryId = (await createCategory(platform, jury, editionId)).id;
    await openEdition(platform, jury, editionId);
    const [co] = await quickCompanies(platform, 2);
    company = co;
    [shopper] = await quickShoppers(platform, 1);
    const entryId = await seedEntryInTest(platform, { editionId, categoryId, companyId: co.id });
    taskId = await seedTask(platform, { editionId, categoryId, entryId, companyId: co.id, shopperId: shopper.id });
  });
  afterAll(async () => {
    await platform.close();
  });

  /** Sends the request, expects a 400 whose message matches, and that no table changed. */
  async function expectRefused(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    options: { body?: unknown; rawBody?: string; token?: string },
    message: RegExp,
  ): Promise<void> {
    const before = await stateChecksum(platform.dataSource);
    const response = await platform.client.request(method, url, { ...options, headers: options.rawBody ? { 'content-type': 'application/json' } : {} });
    expect({ status: response.status, message: response.body?.message }).toEqual({ status: 400, message: expect.stringMatching(message) });
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.any(String), code: 'VALIDATION_FAILED' });
    expect(changedTables(before, await stateChecksum(platform.dataSource))).toEqual([]);
  }

  describe('JSON nested deeply', () => {
    const arrays = '['.repeat(1500) + ']'.repeat(1500);
    const objects = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
    it.each([
      ['arrays on login', '/api/auth/login', arrays],
      ['objects on login', '/api/auth/login', objects],
      ['objects on sign-up', '/api/auth/signup', `{"companyName":${objects}}`],
      ['arrays in a list on sign-up', '/api/auth/signup', `{"companyName":"x","extra":${arrays}}`],
    ])('%s', async (_label, url, rawBody) => {
      await expectRefused('POST', url, { rawBody }, /request body is nested too deeply: at most 32 levels/);
    });

    it('a body over 1 MiB answers 413, with the error shape', async () => {
      const response = await platform.client.request('POST', '/api/auth/login', {
        rawBody: JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(1_100_000) }),
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(413);
      expect(response.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: expect.any(String), code: 'PAYLOAD_TOO_LARGE' });
    });

    it('a bracket inside a string is text, not nesting', async () => {
      const response = await platform.client.post('/api/auth/login', { email: 'x@example.test', password: '['.repeat(100) });
      expect(response.status).toBe(401);
    });
  });

  describe('text with control characters or broken Unicode', () => {
    it('NUL in a company name', async () => {
      await expectRefused(
        'POST',
        '/api/auth/signup',
        { body: signupBody({ companyName: 'Banque\u0000 SA' }) },
        /^companyName must not contain control characters \(U\+0000 found\)/,
      );
    });
    it('another C0 character in a nested label', async () => {
      const grids = {
        PHONE: [{ key: 'greeting', label: 'Accueil\u0007', max: 4, weight: 1 }],
        EMAIL: [{ key: 'answer', label: 'Réponse', max: 4, weight: 1 }],
      };
      await expectRefused(
        'POST',
        `/api/editions/${editionId}/categories`,
        { body: categoryBody({ grids }), token: jury },
        /^grids\.PHONE\.0\.label must not contain control characters \(U\+0007 found\)/,
      );
    });
    it('NUL in a criterion key of the answers (a jsonb key)', async () => {
      await expectRefused(
        'POST',
        `/api/tasks/${taskId}/evaluation`,
        { body: { performedAt: new Date().toISOString(), answers: { 'greet\u0000': 1 }, facts: { resolved: true, waitSeconds: 3 } }, token: shopper.token },
        /answers: a field name must be plain text/,
      );
    });
    it('a lone surrogate in a comment', async () => {
      await expectRefused(
        'POST',
        `/api/tasks/${taskId}/decline`,
        { body: { reason: 'I know them \ud800 well' }, token: shopper.token },
        /^reason must be well-formed Unicode text \(a lone UTF-16 surrogate was found\)/,
      );
    });
    it('NUL in a query parameter', async () => {
      await expectRefused('GET', `/api/entries?status=CONFIRMED%00`, { token: jury }, /^status must not contain control characters/);
    });
    it('a line break in one-line text (a name), or in a list of one-line texts', async () => {
      await expectRefused(
        'POST',
        '/api/auth/signup',
        { body: signupBody({ companyName: 'Banque\nExemple' }) },
        /^companyName must be one line of text, without tab or line break$/,
      );
      await expectRefused(
        'POST',
        '/api/entries',
        { body: { categoryId, contactPoints: { PHONE: ['+33 1 23 45 67 89\r'] } }, token: company.token },
        /^contactPoints\.PHONE must be one line/,
      );
    });
    it('tab, line feed and carriage return are free text in a reason', async () => {
      const response = await platform.client.post(`/api/tasks/${taskId}/decline`, { reason: 'line one\r\n\tline two' }, shopper.token);
      expect(response.status).not.toBe(400);
    });
  });

  describe('numbers', () => {
    it.each([[1e-7], [5e-324], [1.5e-7]])('a criterion weight of %p (the decimals check does not throw)', async (weight) => {
      const grids = { PHONE: [{ key: 'greeting', label: 'Accueil', max: 4, weight }], EMAIL: [{ key: 'answer', label: 'Réponse', max: 4, weight: 1 }] };
      await expectRefused(
        'POST',
        `/api/editions/${editionId}/categories`,
        { body: categoryBody({ grids }), token: jury },
        /grids\.PHONE\.0\.weight must be a number above 0 and at most 1000/,
      );
    });
    it('a channel weight in exponent notation below the cent', async () => {
      await expectRefused(
        'POST',
        `/api/editions/${editionId}/categories`,
        { body: categoryBody({ weights: { PHONE: 1e-9, EMAIL: 40 } }), token: jury },
        /weights\.PHONE must be a number between 0 and 100, with at most 2 decimals/,
      );
    });
    it('a number too large to be exact', async () => {
      await expectRefused(
        'POST',
        `/api/editions/${editionId}/categories`,
        { rawBody: JSON.stringify(categoryBody()).replace('"minEntries":3', '"minEntries":1e400'), token: jury },
        /^minEntries must be a finite number/,
      );
    });
    it('a whole number beyond what is stored', async () => {
      await expectRefused(
        'POST',
        `/api/invoices/00000000-0000-4000-8000-000000000000/bank-transfers`,
        { body: { amountCents: 3e9, reference: 'VIR 1', receivedAt: '2027-01-01' }, token: jury },
        /^amountCents must be a number from -2147483647 to 2147483647/,
      );
    });
    it.each([['offset=1e20'], ['offset=99999999999999999999'], ['limit=1e20'], ['offset=-1e20']])('pagination %s', async (query) => {
      await expectRefused('GET', `/api/tasks?${query}`, { token: jury }, /^(offset|limit) must be a number from -2147483647 to 2147483647/);
    });
  });

  describe('nested objects and lists of their declared kind', () => {
    it('an entry without contactPoints', async () => {
      await expectRefused('POST', '/api/entries', { body: { categoryId }, token: company.token }, /^contactPoints is required/);
    });
    it('contactPoints as a list', async () => {
      await expectRefused(
        'POST',
        '/api/entries',
        { body: { categoryId, contactPoints: [contactPoints] }, token: company.token },
        /^contactPoints must be an object/,
      );
    });
    it('conflicts: null', async () => {
      await expectRefused('PATCH', '/api/shoppers/me', { body: { conflicts: null }, token: shopper.token }, /^conflicts must not be null/);
    });
    it('conflicts as a list of lists', async () => {
      await expectRefused(
        'PATCH',
        '/api/shoppers/me',
        { body: { conflicts: [[{ siren: '732829320', reason: 'my sister' }]] }, token: shopper.token },
        /^conflicts\.0 must be an object, not a list/,
      );
    });
    it('sectors: null', async () => {
      await expectRefused('PATCH', '/api/shoppers/me', { body: { sectors: null }, token: shopper.token }, /^sectors must not be null/);
    });
    it('a grid whose items are lists instead of criteria', async () => {
      const grids = { PHONE: [[{ key: 'greeting', label: 'Accueil', max: 4, weight: 1 }]], EMAIL: [{ key: 'answer', label: 'Réponse', max: 4, weight: 1 }] };
      await expectRefused(
        'POST',
        `/api/editions/${editionId}/categories`,
        { body: categoryBody({ grids }), token: jury },
        /^grids\.PHONE\.0 must be an object, not a list/,
      );
    });
    it('a body that is a list, not an object', async () => {
      await expectRefused('POST', '/api/auth/login', { rawBody: '[{"email":"a@example.test","password":"x"}]' }, /^the request body must be a JSON object$/);
    });
    it('an unknown field', async () => {
      await expectRefused('POST', '/api/auth/login', { body: { email: 'a@example.test', password: 'x', isAdmin: true } }, /property isAdmin should not exist/);
    });
  });

  describe('instants with an impossible UTC offset', () => {
    const edition = (registrationDeadline: string) => ({
      year: 2099,
      name: 'Offsets',
      registrationOpensAt: '2098-12-01T09:00',
      registrationDeadline,
      testPeriodStart: '2099-04-01T00:00',
      testPeriodEnd: '2099-06-30T23:59',
      resultsPublishAt: '2099-10-05T10:00',
    });
    it.each([['2099-03-10T23:59:59+99:99'], ['2099-03-10T23:59:59+25:00'], ['2099-03-10T23:59+14:30'], ['2099-03-10T23:59-13']])(
      'edition deadline %s',
      async (deadline) => {
        await expectRefused(
          'POST',
          '/api/editions',
          { body: edition(deadline), token: jury },
          /^registrationDeadline has an impossible UTC offset .*: offsets run from -12:00 to \+14:00/,
        );
      },
    );
    it('a performedAt at +25:00', async () => {
      await expectRefused(
        'POST',
        `/api/tasks/${taskId}/evaluation`,
        { body: { performedAt: '2027-04-02T09:30:00+25:00', answers: {}, facts: { resolved: true } }, token: shopper.token },
        /^performedAt has an impossible UTC offset \+25:00/,
      );
    });
    it('the extreme real offsets are accepted', async () => {
      for (const deadline of ['2099-03-10T23:59:59+14:00', '2099-03-10T23:59:59-12:00']) {
        const response = await platform.client.post('/api/editions', edition(deadline), jury);
        expect(response.body.message ?? '').not.toMatch(/offset/);
      }
    });
  });
});
