import { AccountsService } from '@app/accounts';
import { TestPlatform } from './support/platform';
import { PASSWORD, randomSiren, signupBody, signedInCompany, tokenFromMail, uniqueEmail } from './support/fixtures';

describe('accounts (sign-up, confirmation, login, roles)', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    // The tests play clients behind a proxy on this machine, which names them in X-Forwarded-For.
    platform = await TestPlatform.start({ env: { TRUSTED_PROXIES: '127.0.0.1' } });
  });
  afterAll(async () => {
    await platform.close();
  });

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await platform.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n);

  it('signs up, mails a confirmation link, confirms, logs in and answers /api/me', async () => {
    const body = signupBody({ locale: 'en', name: 'Claire Martin' });
    const signup = await platform.client.post('/api/auth/signup', body);
    expect(signup.status).toBe(201);
    expect(signup.body).toMatchObject({ email: body.email, role: 'COMPANY', emailConfirmed: false });

    const mail = await platform.inbox.waitForMail(body.email);
    expect(mail.subject).toBe('Confirm your e-mail address — Palmares');
    expect(mail.html).toContain('Banque Exemple SA');
    expect(mail.text).toContain('http://palmares.test/confirm-email?token=');

    const beforeConfirm = await platform.client.post('/api/auth/login', { email: body.email, password: PASSWORD });
    expect(beforeConfirm.status).toBe(403);
    expect(beforeConfirm.body.message).toMatch(/confirm your e-mail/);

    const token = await tokenFromMail(platform.inbox, body.email, /Confirm/);
    const confirm = await platform.client.post('/api/auth/confirm', { token });
    expect(confirm.status).toBe(200);
    expect(confirm.body.emailConfirmed).toBe(true);

    const login = await platform.client.post('/api/auth/login', { email: body.email.toUpperCase(), password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ email: body.email, role: 'COMPANY' });
    expect(login.body.user.companyId).toEqual(expect.any(String));

    const me = await platform.client.get('/api/me', login.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: signup.body.id, email: body.email, locale: 'en', name: 'Claire Martin' });
  });

  it('sends French by default', async () => {
    const body = signupBody();
    await platform.client.post('/api/auth/signup', body);
    const mail = await platform.inbox.waitForMail(body.email);
    expect(mail.subject).toBe('Confirmez votre adresse e-mail — Palmares');
  });

  it('accepts a company outside France with its own registration number and VAT number', async () => {
    const body = signupBody({ siren: undefined, country: 'DE', foreignRegistrationNumber: 'HRB 12345', vatNumber: 'de 123456789' });
    const signup = await platform.client.post('/api/auth/signup', body);
    expect(signup.status).toBe(201);
    const [company] = await platform.dataSource.query(`SELECT c.* FROM company c JOIN app_user u ON u.company_id = c.id WHERE u.email = $1`, [body.email]);
    expect(company).toMatchObject({ country: 'DE', siren: null, foreign_registration_number: 'HRB 12345', vat_number: 'DE123456789' });
  });

  describe('refuses bad sign-ups with a 4xx naming the rule, and writes nothing', () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['a malformed e-mail', { email: 'not-an-email' }, /email must be a valid e-mail address/],
      ['a weak password', { password: 'short1' }, /password must be 10 to 128 characters long/],
      ['a password without digits', { password: 'onlyletters-here' }, /at least one letter and one digit/],
      ['a SIREN failing the Luhn check', { siren: '732829321' }, /SIREN: 9 digits with a valid Luhn checksum/],
      ['a SIREN of 8 digits', { siren: '73282932' }, /SIREN/],
      ['a French company without SIREN', { siren: undefined }, /SIREN/],
      ['an unknown country', { country: 'XX' }, /country must be an ISO 3166-1 alpha-2 code/],
      ['a foreign company without registration number', { siren: undefined, country: 'BE' }, /foreignRegistrationNumber is required/],
      ['an unknown field', { isAdmin: true }, /property isAdmin should not exist/],
      ['an unknown locale', { locale: 'de' }, /locale must be fr or en/],
    ];
    it.each(cases)('%s', async (_label, overrides, message) => {
      const body = Object.fromEntries(Object.entries(signupBody(overrides)).filter(([, v]) => v !== undefined));
      const companiesBefore = await count('company');
      const response = await platform.client.post('/api/auth/signup', body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(message), code: 'VALIDATION_FAILED' });
      expect(await count('company')).toBe(companiesBefore);
      expect(await count('app_user', 'email = $1', [String(body.email).toLowerCase()])).toBe(0);
    });
  });

  it('answers a sign-up with an e-mail in use exactly like a new one, creates nothing and tells that address', async () => {
    const first = signupBody({ locale: 'en' });
    const created = await platform.client.post('/api/auth/signup', first);
    expect(created.status).toBe(201);
    const companiesBefore = await count('company');
    const usersBefore = await count('app_user');
    const again = signupBody({ email: first.email.toUpperCase(), locale: 'fr' });
    const second = await platform.client.post('/api/auth/signup', again);
    const fresh = signupBody({ locale: 'fr' });
    const third = await platform.client.post('/api/auth/signup', fresh);
    expect(second.status).toBe(third.status);
    const shape = (body: Record<string, unknown>) => ({ ...body, id: typeof body.id, companyId: typeof body.companyId, email: typeof body.email });
    expect(shape(second.body)).toEqual(shape(third.body));
    expect(Object.keys(second.headers).sort()).toEqual(Object.keys(third.headers).sort());
    expect(second.body.id).not.toBe(created.body.id);
    expect(await count('company')).toBe(companiesBefore + 1);
    expect(await count('app_user')).toBe(usersBefore + 1);
    const attempt = await platform.inbox.waitForMail(first.email, { subject: /tried to sign up/ });
    expect(attempt.subject).toBe('Someone tried to sign up with your address — Palmares');
    expect(attempt.text).toContain('http://palmares.test/login');
    expect(await count('notification', `recipient = $1`, [first.email])).toBe(2);
  });

  it('answers two sign-ups with one new e-mail at once both with 201, and makes one account', async () => {
    const body = signupBody();
    const [a, b] = await Promise.all([
      platform.client.post('/api/auth/signup', body),
      platform.client.post('/api/auth/signup', { ...body, siren: randomSiren() }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await count('app_user', 'email = $1', [body.email])).toBe(1);
  });

  it('refuses a second company with the same SIREN with 409', async () => {
    const siren = randomSiren();
    expect((await platform.client.post('/api/auth/signup', signupBody({ siren }))).status).toBe(201);
    const again = await platform.client.post('/api/auth/signup', signupBody({ siren }));
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(`SIREN ${siren} is already registered`);
  });

  describe('confirmation tokens', () => {
    it('refuses a forged, an expired, a reused and an access token', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const confirmationToken = await tokenFromMail(platform.inbox, company.email, /Confirm/);

      const reused = await platform.client.post('/api/auth/confirm', { token: confirmationToken });
      expect(reused.status).toBe(409);
      expect(reused.body.message).toMatch(/already confirmed: a confirmation link works once/);

      const [header, payload] = confirmationToken.split('.');
      const forged = await platform.client.post('/api/auth/confirm', { token: `${header}.${payload}.c2lnbmF0dXJlLWZvcmdlZA` });
      expect(forged.status).toBe(400);
      expect(forged.body.message).toMatch(/email confirmation token is invalid or has expired/);

      const { JwtService } = await import('@nestjs/jwt');
      const expired = platform.api.get(JwtService).sign({ sub: company.userId, typ: 'email-confirmation' }, { expiresIn: -10 });
      expect((await platform.client.post('/api/auth/confirm', { token: expired })).status).toBe(400);

      const accessTokenAsConfirmation = await platform.client.post('/api/auth/confirm', { token: company.token });
      expect(accessTokenAsConfirmation.status).toBe(400);
    });
  });

  describe('login', () => {
    it('answers a wrong password and an unknown e-mail with the same 401', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const wrongPassword = await platform.client.request('POST', '/api/auth/login', {
        body: { email: company.email, password: 'wrong-password-1' },
        ip: '10.1.0.1',
      });
      const unknownEmail = await platform.client.request('POST', '/api/auth/login', {
        body: { email: uniqueEmail(), password: 'wrong-password-1' },
        ip: '10.1.0.1',
      });
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      expect(wrongPassword.body).toEqual(unknownEmail.body);
      expect(wrongPassword.body.message).toBe('wrong e-mail or password');
    });

    it('answers the 11th fast wrong login for one account with 429, even with the right password', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      for (let i = 1; i <= 10; i++) {
        const response = await platform.client.request('POST', '/api/auth/login', {
          body: { email: company.email, password: `wrong-password-${i}` },
          ip: '10.2.0.1',
        });
        expect(response.status).toBe(401);
      }
      const eleventh = await platform.client.request('POST', '/api/auth/login', { body: { email: company.email, password: PASSWORD }, ip: '10.2.0.2' });
      expect(eleventh.status).toBe(429);
      expect(eleventh.body.message).toMatch(/too many failed logins: try again in \d+ minute/);
    });

    it('answers with 429 once one IP address has failed 100 times across accounts', async () => {
      for (let batch = 0; batch < 10; batch++) {
        await Promise.all(
          Array.from({ length: 10 }, () =>
            platform.client.request('POST', '/api/auth/login', { body: { email: uniqueEmail('spray'), password: 'wrong-password-1' }, ip: '10.3.0.1' }),
          ),
        );
      }
      const company = await signedInCompany(platform.client, platform.inbox);
      const fromThatAddress = await platform.client.request('POST', '/api/auth/login', { body: { email: company.email, password: PASSWORD }, ip: '10.3.0.1' });
      expect(fromThatAddress.status).toBe(429);
      const fromElsewhere = await platform.client.request('POST', '/api/auth/login', { body: { email: company.email, password: PASSWORD }, ip: '10.3.0.2' });
      expect(fromElsewhere.status).toBe(200);
    });
  });

  describe('access tokens and roles', () => {
    it('answers 401 to a missing, forged or expired token', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      expect((await platform.client.get('/api/me')).status).toBe(401);
      const forged = company.token.slice(0, -4) + (company.token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      const forgedResponse = await platform.client.get('/api/me', forged);
      expect(forgedResponse.status).toBe(401);
      expect(forgedResponse.body.message).toMatch(/invalid or has expired/);
      const { JwtService } = await import('@nestjs/jwt');
      const expired = platform.api.get(JwtService).sign({ sub: company.userId, typ: 'access', role: 'COMPANY', cid: company.companyId }, { expiresIn: -1 });
      expect((await platform.client.get('/api/me', expired)).status).toBe(401);
    });

    it('answers 403 to a company user on a jury route, and lets a jury user in', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const forbidden = await platform.client.post('/api/jury-users', { email: uniqueEmail('jury'), password: PASSWORD }, company.token);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.message).toBe('this route is for JURY users only');

      const juryEmail = uniqueEmail('jury');
      await platform.api.get(AccountsService).createJuryUser({ email: juryEmail, password: PASSWORD });
      const jury = await platform.client.post('/api/auth/login', { email: juryEmail, password: PASSWORD });
      expect(jury.body.user.role).toBe('JURY');
      const created = await platform.client.post('/api/jury-users', { email: uniqueEmail('jury2'), password: PASSWORD }, jury.body.accessToken);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ role: 'JURY', emailConfirmed: true });
    });
  });
});
