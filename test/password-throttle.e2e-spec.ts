import type { Redis } from 'ioredis';
import { AccountsService, hashPassword } from '@app/accounts';
import { REDIS } from '@app/core';
import { TestPlatform, type ApiResponse } from './support/platform';
import { PASSWORD, signupBody, uniqueEmail } from './support/fixtures';
import { quickCompanies } from './support/season';

const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;
const statuses = (responses: ApiResponse[]) =>
  responses.reduce<Record<number, number>>((counts, r) => ({ ...counts, [r.status]: (counts[r.status] ?? 0) + 1 }), {});

/**
 * The one throttle of every password check, under concurrency: each platform here has its own Redis prefix,
 * since the addresses it blocks (127.0.0.1 above all) are those of every other test.
 */
describe('the password throttle: counted before checked, shared by login and /queues', () => {
  let platform: TestPlatform;
  let redis: Redis;
  const prefix = `palmares-test-${process.env.TEST_RUN_ID}-throttle`;

  beforeAll(async () => {
    platform = await TestPlatform.start({ worker: false, env: { QUEUE_PREFIX: prefix } });
    redis = platform.api.get(REDIS);
  });
  afterEach(async () => {
    const keys = await redis.keys(`${prefix}:password-attempts:*`);
    if (keys.length > 0) await redis.del(...keys);
  });
  afterAll(async () => {
    await platform.close();
  });

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    platform.client.request('POST', '/api/auth/login', { body: { email, password }, headers });
  const dashboard = (email: string, password: string) => platform.client.request('GET', '/queues', { headers: { authorization: basic(email, password) } });

  async function companyUser(): Promise<string> {
    const [company] = await quickCompanies(platform, 1);
    await platform.dataSource.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [company.userId, await hashPassword(PASSWORD)]);
    return company.email;
  }

  it('answers 40 parallel wrong passwords for one account with 10 checks and 30 429s, then refuses the right one', async () => {
    const email = await companyUser();
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => login(email, `wrong-password-${i}`)));
    expect(statuses(burst)).toEqual({ 401: 10, 429: 30 });
    const right = await login(email, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/^too many failed logins: try again in 15 minute\(s\)$/),
      code: 'TOO_MANY_FAILED_LOGINS',
    });
  });

  it('lets the right password in when fewer than 10 wrong ones came first, and forgets them', async () => {
    const email = await companyUser();
    const burst = await Promise.all(Array.from({ length: 9 }, (_, i) => login(email, `wrong-password-${i}`)));
    expect(statuses(burst)).toEqual({ 401: 9 });
    expect((await login(email, PASSWORD)).status).toBe(200);
    expect(statuses(await Promise.all(Array.from({ length: 10 }, () => login(email, 'wrong-password-x'))))).toEqual({ 401: 10 });
  });

  it('blocks for 15 minutes after the last failure, not the first', async () => {
    const email = await companyUser();
    for (let i = 0; i < 9; i++) expect((await login(email, `wrong-password-${i}`)).status).toBe(401);
    // As if the first failure were 14 minutes old: under a window counted from the first failure one minute would be left.
    const [attempts] = await redis.keys(`${prefix}:password-attempts:{account:${email}}:attempts`);
    await redis.pexpire(attempts, 60_000);
    expect((await login(email, 'wrong-password-9')).status).toBe(401);
    const blockedFor = await redis.pttl(`${prefix}:password-attempts:{account:${email}}:blocked`);
    expect(blockedFor).toBeGreaterThan(14.9 * 60_000);
    expect((await login(email, PASSWORD)).status).toBe(429);
  });

  it('keys the address on the TCP peer: a client-chosen X-Forwarded-For neither escapes nor frames', async () => {
    const burst = await Promise.all(
      Array.from({ length: 120 }, (_, i) => login(uniqueEmail('spray'), 'wrong-password-1', { 'x-forwarded-for': `203.0.113.${i % 250}` })),
    );
    expect(statuses(burst)).toEqual({ 401: 100, 429: 20 });
    const email = await companyUser();
    expect((await login(email, PASSWORD, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(429);
  });

  it('shares one count between /queues and login: parallel dashboard guesses lock the jury account everywhere', async () => {
    const email = uniqueEmail('jury');
    await platform.api.get(AccountsService).createJuryUser({ email, password: PASSWORD });
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => dashboard(email, `wrong-password-${i}`)));
    expect(statuses(burst)).toEqual({ 401: 10, 429: 30 });
    expect((await dashboard(email, PASSWORD)).status).toBe(429);
    expect((await login(email, PASSWORD)).status).toBe(429);
  });

  it('counts wrong logins against /queues too', async () => {
    const email = uniqueEmail('jury');
    await platform.api.get(AccountsService).createJuryUser({ email, password: PASSWORD });
    expect(statuses(await Promise.all(Array.from({ length: 10 }, () => login(email, 'wrong-password-1'))))).toEqual({ 401: 10 });
    expect((await dashboard(email, PASSWORD)).status).toBe(429);
  });
});

describe('behind a trusted proxy', () => {
  let platform: TestPlatform;
  const prefix = `palmares-test-${process.env.TEST_RUN_ID}-proxied`;

  beforeAll(async () => {
    platform = await TestPlatform.start({ worker: false, env: { QUEUE_PREFIX: prefix, TRUSTED_PROXIES: '127.0.0.1' } });
  });
  afterAll(async () => {
    const redis = platform.api.get<Redis>(REDIS);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await platform.close();
  });

  it('keys the address on the X-Forwarded-For that the proxy sets', async () => {
    const burst = await Promise.all(
      Array.from({ length: 100 }, () =>
        platform.client.request('POST', '/api/auth/login', { body: { email: uniqueEmail('spray'), password: 'x' }, ip: '203.0.113.9' }),
      ),
    );
    expect(statuses(burst)).toEqual({ 401: 100 });
    const blocked = await platform.client.request('POST', '/api/auth/login', { body: { email: uniqueEmail(), password: 'x' }, ip: '203.0.113.9' });
    expect(blocked.status).toBe(429);
    const other = await platform.client.request('POST', '/api/auth/login', { body: { email: uniqueEmail(), password: 'x' }, ip: '203.0.113.10' });
    expect(other.status).toBe(401);
  });
});

describe('the e-mail-sending routes, limited per address', () => {
  let platform: TestPlatform;
  const prefix = `palmares-test-${process.env.TEST_RUN_ID}-email-routes`;

  beforeAll(async () => {
    platform = await TestPlatform.start({ worker: false, env: { QUEUE_PREFIX: prefix, EMAIL_ROUTE_LIMIT_PER_HOUR: '3' } });
  });
  afterAll(async () => {
    const redis = platform.api.get<Redis>(REDIS);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await platform.close();
  });

  it('answers the 4th sign-up of the hour from one address with 429, creating nothing', async () => {
    const burst = await Promise.all(Array.from({ length: 3 }, () => platform.client.post('/api/auth/signup', signupBody())));
    expect(statuses(burst)).toEqual({ 201: 3 });
    const companies = async () => Number((await platform.dataSource.query(`SELECT count(*)::int AS n FROM company`))[0].n);
    const before = await companies();
    const fourth = await platform.client.post('/api/auth/signup', signupBody());
    expect(fourth.status).toBe(429);
    expect(fourth.body.message).toMatch(/^too many requests that send e-mails from this address: try again in \d+ minute\(s\)$/);
    expect(await companies()).toBe(before);
    expect((await platform.client.post('/api/auth/login', { email: uniqueEmail(), password: 'x' })).status).toBe(401);
  });
});
