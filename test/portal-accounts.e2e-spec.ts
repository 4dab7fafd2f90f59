import { companyRecipients } from '@app/accounts';
import { TestPlatform, type ApiResponse } from './support/platform';
import { PASSWORD, signedInCompany, tokenFromMail, uniqueEmail } from './support/fixtures';
import { shopperToken } from './support/billing';

const NEW_PASSWORD = 'battery-staple-77';

/** The `palmares_refresh=…` pair a response sets (empty value when it clears the cookie). */
function refreshCookie(response: ApiResponse): { pair: string; attributes: string } {
  const header = String(response.headers['set-cookie'] ?? '');
  const match = /palmares_refresh=([^;]*)(;.*)?$/.exec(header);
  if (!match) throw new Error(`no refresh cookie in ${JSON.stringify(response.headers['set-cookie'])}`);
  return { pair: `palmares_refresh=${match[1]}`, attributes: match[2] ?? '' };
}

describe('portal accounts: sessions, passwords, language and colleagues', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await TestPlatform.start();
  });
  afterAll(async () => {
    await platform.close();
  });

  const post = (url: string, body: unknown, options: { token?: string; cookie?: string } = {}) =>
    platform.client.request('POST', url, { body, token: options.token, headers: options.cookie ? { cookie: options.cookie } : {} });
  const login = (email: string, password = PASSWORD) => post('/api/auth/login', { email, password });
  const passwordHashOf = async (email: string) =>
    (await platform.dataSource.query(`SELECT password_hash FROM app_user WHERE email = $1`, [email]))[0].password_hash;

  describe('refresh cookie', () => {
    it('is set at login httpOnly, Secure, SameSite=Strict on /api/auth, and rotated at each refresh', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const first = await login(company.email);
      expect(first.status).toBe(200);
      const cookie = refreshCookie(first);
      expect(cookie.attributes).toMatch(/HttpOnly/);
      expect(cookie.attributes).toMatch(/Secure/);
      expect(cookie.attributes).toMatch(/SameSite=Strict/);
      expect(cookie.attributes).toMatch(/Path=\/api\/auth/);
      expect(cookie.attributes).toMatch(/Expires=/);

      const refreshed = await post('/api/auth/refresh', undefined, { cookie: cookie.pair });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.user).toMatchObject({ email: company.email, role: 'COMPANY' });
      const me = await platform.client.get('/api/me', refreshed.body.accessToken);
      expect(me.status).toBe(200);
      const next = refreshCookie(refreshed);
      expect(next.pair).not.toBe(cookie.pair);
      expect((await post('/api/auth/refresh', undefined, { cookie: next.pair })).status).toBe(200);
    });

    it('answers 401 without a cookie or with an unknown one', async () => {
      const none = await post('/api/auth/refresh', undefined);
      expect(none.status).toBe(401);
      expect(none.body.message).toMatch(/refresh cookie is missing/);
      const forged = await post('/api/auth/refresh', undefined, { cookie: 'palmares_refresh=forged-token-value' });
      expect(forged.status).toBe(401);
      expect(forged.body.message).toMatch(/unknown/);
    });

    it('revokes the whole family when a rotated token is presented again', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const stolen = refreshCookie(await login(company.email));
      const rotated = refreshCookie(await post('/api/auth/refresh', undefined, { cookie: stolen.pair }));
      const other = refreshCookie(await login(company.email)); // another login of the same user is untouched

      const reuse = await post('/api/auth/refresh', undefined, { cookie: stolen.pair });
      expect(reuse.status).toBe(401);
      expect(reuse.body.message).toMatch(/already used: every session of this login is ended/);
      expect((await post('/api/auth/refresh', undefined, { cookie: rotated.pair })).status).toBe(401);
      expect((await post('/api/auth/refresh', undefined, { cookie: other.pair })).status).toBe(200);
    });

    it('refuses an expired token', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const cookie = refreshCookie(await login(company.email));
      await platform.dataSource.query(`UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [company.userId]);
      const expired = await post('/api/auth/refresh', undefined, { cookie: cookie.pair });
      expect(expired.status).toBe(401);
      expect(expired.body.message).toMatch(/expired/);
    });

    it('logout ends the session and clears the cookie', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const cookie = refreshCookie(await login(company.email));
      const logout = await post('/api/auth/logout', undefined, { cookie: cookie.pair });
      expect(logout.status).toBe(204);
      expect(refreshCookie(logout).pair).toBe('palmares_refresh=');
      expect((await post('/api/auth/refresh', undefined, { cookie: cookie.pair })).status).toBe(401);
      expect((await post('/api/auth/logout', undefined)).status).toBe(204);
    });
  });

  describe('forgotten password', () => {
    it('e-mails a one-hour single-use link that sets the password and ends every session', async () => {
      const company = await signedInCompany(platform.client, platform.inbox, { locale: 'en' });
      const session = refreshCookie(await login(company.email));
      expect((await post('/api/auth/password-reset', { email: company.email.toUpperCase() })).status).toBe(202);
      const mail = await platform.inbox.waitForMail(company.email, { subject: /Reset your password/ });
      expect(mail.text).toContain('http://palmares.test/reset-password?token=');
      expect(mail.text).toContain('valid for one hour');
      const token = await tokenFromMail(platform.inbox, company.email, /Reset your password/);

      const weak = await post('/api/auth/password-reset/confirm', { token, password: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.body.message).toMatch(/password must be 10 to 128 characters/);

      const confirm = await post('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
      expect(confirm.status).toBe(204);
      expect((await login(company.email)).status).toBe(401);
      expect((await login(company.email, NEW_PASSWORD)).status).toBe(200);
      expect((await post('/api/auth/refresh', undefined, { cookie: session.pair })).status).toBe(401);

      const again = await post('/api/auth/password-reset/confirm', { token, password: 'another-pass-99' });
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/already used: a link works once/);
      expect((await login(company.email, NEW_PASSWORD)).status).toBe(200);
    });

    it('answers 202 for an unknown address and e-mails nothing', async () => {
      const email = uniqueEmail('nobody');
      const response = await post('/api/auth/password-reset', { email });
      expect(response.status).toBe(202);
      expect(response.body).toBe('');
      const known = await signedInCompany(platform.client, platform.inbox);
      await post('/api/auth/password-reset', { email: known.email });
      await platform.inbox.waitForMail(known.email, { subject: /Réinitialisez/ }); // mail sent later than the unknown one would have been
      expect(platform.inbox.to(email)).toHaveLength(0);
    });

    it('refuses an expired link with 410, an unknown one with 400, and changes nothing', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      await post('/api/auth/password-reset', { email: company.email });
      const token = await tokenFromMail(platform.inbox, company.email, /Réinitialisez/);
      const before = await passwordHashOf(company.email);
      await platform.dataSource.query(`UPDATE account_link SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [company.userId]);
      const expired = await post('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
      expect(expired.status).toBe(410);
      expect(expired.body.message).toMatch(/expired: it was valid for 1 hour/);
      const unknown = await post('/api/auth/password-reset/confirm', { token: 'x'.repeat(43), password: NEW_PASSWORD });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toMatch(/password reset link is not valid/);
      expect(await passwordHashOf(company.email)).toBe(before);
    });

    it('sends at most five reset e-mails an hour to one address', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      for (let i = 0; i < 7; i++) expect((await post('/api/auth/password-reset', { email: company.email })).status).toBe(202);
      const [row] = await platform.dataSource.query(`SELECT count(*)::int AS n FROM account_link WHERE user_id = $1`, [company.userId]);
      expect(row.n).toBe(5);
    });

    it('refuses a malformed address with 400', async () => {
      const response = await post('/api/auth/password-reset', { email: 'not-an-email' });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/email must be a valid e-mail address/);
    });
  });

  describe('change password', () => {
    it('checks the current password, keeps the caller’s session and ends the others', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const mine = await login(company.email);
      const other = refreshCookie(await login(company.email));
      const token = mine.body.accessToken;

      const wrong = await post('/api/me/password', { currentPassword: 'not-my-password-1', newPassword: NEW_PASSWORD }, { token });
      expect(wrong.status).toBe(400);
      expect(wrong.body.message).toMatch(/currentPassword is not this account’s password/);
      const weak = await post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'weak' }, { token });
      expect(weak.status).toBe(400);
      expect(weak.body.message).toMatch(/newPassword must be 10 to 128 characters/);
      expect((await login(company.email)).status).toBe(200);

      const changed = await post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { token });
      expect(changed.status).toBe(204);
      expect((await login(company.email, NEW_PASSWORD)).status).toBe(200);
      expect((await post('/api/auth/refresh', undefined, { cookie: refreshCookie(mine).pair })).status).toBe(200);
      expect((await post('/api/auth/refresh', undefined, { cookie: other.pair })).status).toBe(401);
    });

    it('counts wrong current passwords in the login throttle', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const body = { currentPassword: 'not-my-password-1', newPassword: NEW_PASSWORD };
      for (let i = 0; i < 10; i++) expect((await post('/api/me/password', body, { token: company.token })).status).toBe(400);
      const blocked = await post('/api/me/password', { ...body, currentPassword: PASSWORD }, { token: company.token });
      expect(blocked.status).toBe(429);
      expect((await login(company.email)).status).toBe(429);
    });

    it('needs an access token', async () => {
      expect((await post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(401);
    });
  });

  describe('language', () => {
    it('PATCH /api/me sets the locale and answers the user', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const response = await platform.client.patch('/api/me', { locale: 'en' }, company.token);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: company.userId, email: company.email, locale: 'en' });
      expect((await platform.client.get('/api/me', company.token)).body.locale).toBe('en');
    });

    it.each([[{ locale: 'de' }], [{}], [{ locale: 'en', role: 'JURY' }]])('refuses %j with 400 and changes nothing', async (body) => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const response = await platform.client.patch('/api/me', body, company.token);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/locale must be fr or en|property role should not exist/);
      expect((await platform.client.get('/api/me', company.token)).body).toMatchObject({ locale: 'fr', role: 'COMPANY' });
    });
  });

  describe('colleagues', () => {
    it('invites by e-mail; the colleague joins, logs in, is listed and receives the company’s e-mails', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const email = uniqueEmail('colleague');
      const invite = await post('/api/companies/me/users', { email, locale: 'en' }, { token: company.token });
      expect(invite.status).toBe(201);
      expect(invite.body).toMatchObject({ email, locale: 'en', expiresAt: expect.any(String) });
      const mail = await platform.inbox.waitForMail(email, { subject: /Join Banque Exemple SA/ });
      expect(mail.text).toContain(company.email);
      expect(mail.text).toContain('http://palmares.test/join?token=');
      const token = await tokenFromMail(platform.inbox, email, /Join/);

      const weak = await post('/api/companies/invitations/accept', { token, password: 'weak' });
      expect(weak.status).toBe(400);
      const accepted = await post('/api/companies/invitations/accept', { token, password: NEW_PASSWORD });
      expect(accepted.status).toBe(200);
      expect(accepted.body.user).toMatchObject({ email, role: 'COMPANY', companyId: company.companyId, locale: 'en', emailConfirmed: true });
      expect((await post('/api/auth/refresh', undefined, { cookie: refreshCookie(accepted).pair })).status).toBe(200);
      expect((await login(email, NEW_PASSWORD)).status).toBe(200);
      expect((await post('/api/companies/invitations/accept', { token, password: NEW_PASSWORD })).status).toBe(409);

      const list = await platform.client.get('/api/companies/me/users', accepted.body.accessToken);
      expect(list.status).toBe(200);
      expect(list.body).toEqual([
        { id: company.userId, email: company.email, locale: 'fr', confirmed: true, createdAt: expect.any(String) },
        { id: accepted.body.user.id, email, locale: 'en', confirmed: true, createdAt: expect.any(String) },
      ]);
      const recipients = await companyRecipients(platform.dataSource.manager, [company.companyId]);
      expect(recipients.map((r: { email: string }) => r.email)).toEqual([company.email, email]);
    });

    it('refuses an address that has an account (409), a bad address or locale (400), and other roles (403)', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const other = await signedInCompany(platform.client, platform.inbox);
      const taken = await post('/api/companies/me/users', { email: other.email }, { token: company.token });
      expect(taken.status).toBe(409);
      expect(taken.body.message).toMatch(/already has a Palmares account/);
      expect((await post('/api/companies/me/users', { email: 'nope' }, { token: company.token })).status).toBe(400);
      expect((await post('/api/companies/me/users', { email: uniqueEmail(), locale: 'de' }, { token: company.token })).status).toBe(400);
      const shopper = await shopperToken(platform);
      expect((await post('/api/companies/me/users', { email: uniqueEmail() }, { token: shopper })).status).toBe(403);
      expect((await platform.client.get('/api/companies/me/users', shopper)).status).toBe(403);
      const [row] = await platform.dataSource.query(`SELECT count(*)::int AS n FROM account_link WHERE company_id = $1`, [company.companyId]);
      expect(row.n).toBe(0);
    });

    it('lets the colleague choose their language on joining, and refuses an unknown one', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const email = uniqueEmail('fr-colleague');
      await post('/api/companies/me/users', { email, locale: 'en' }, { token: company.token });
      const token = await tokenFromMail(platform.inbox, email, /Join/);
      const unknown = await post('/api/companies/invitations/accept', { token, password: NEW_PASSWORD, locale: 'de' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toMatch(/locale must be fr or en/);
      const accepted = await post('/api/companies/invitations/accept', { token, password: NEW_PASSWORD, locale: 'fr' });
      expect(accepted.body.user.locale).toBe('fr');
    });

    it('refuses an expired invitation with 410 and makes no account', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const email = uniqueEmail('late');
      await post('/api/companies/me/users', { email }, { token: company.token });
      const token = await tokenFromMail(platform.inbox, email, /Rejoignez/);
      await platform.dataSource.query(`UPDATE account_link SET expires_at = now() - interval '1 second' WHERE email = $1`, [email]);
      const late = await post('/api/companies/invitations/accept', { token, password: NEW_PASSWORD });
      expect(late.status).toBe(410);
      expect(late.body.message).toMatch(/invitation link has expired: it was valid for 48 hour/);
      expect(await platform.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [email])).toHaveLength(0);
    });

    it('refuses an invitation whose address got an account meanwhile (409), leaving the link unused', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const email = uniqueEmail('twice');
      await post('/api/companies/me/users', { email }, { token: company.token });
      const token = await tokenFromMail(platform.inbox, email, /Rejoignez/);
      await signedInCompany(platform.client, platform.inbox, { email });
      const response = await post('/api/companies/invitations/accept', { token, password: NEW_PASSWORD });
      expect(response.status).toBe(409);
      expect(response.body.message).toMatch(/already exists/);
      const [link] = await platform.dataSource.query(`SELECT used_at FROM account_link WHERE email = $1`, [email]);
      expect(link.used_at).toBeNull();
    });

    it('sends at most five invitations an hour to one address', async () => {
      const company = await signedInCompany(platform.client, platform.inbox);
      const email = uniqueEmail('spam');
      for (let i = 0; i < 5; i++) expect((await post('/api/companies/me/users', { email }, { token: company.token })).status).toBe(201);
      const sixth = await post('/api/companies/me/users', { email }, { token: company.token });
      expect(sixth.status).toBe(429);
      expect(sixth.body.message).toMatch(/at most 5 e-mails of this kind go to one address per hour/);
    });

    describe('removal', () => {
      async function companyOfTwo() {
        const company = await signedInCompany(platform.client, platform.inbox);
        const email = uniqueEmail('colleague');
        await post('/api/companies/me/users', { email }, { token: company.token });
        const accepted = await post('/api/companies/invitations/accept', {
          token: await tokenFromMail(platform.inbox, email, /Rejoignez/),
          password: NEW_PASSWORD,
        });
        return {
          company,
          colleague: { email, userId: accepted.body.user.id as string, token: accepted.body.accessToken as string, cookie: refreshCookie(accepted).pair },
        };
      }
      const remove = (id: string, token: string) => platform.client.request('DELETE', `/api/companies/me/users/${id}`, { token });

      it('removes a colleague, whose sessions end', async () => {
        const { company, colleague } = await companyOfTwo();
        expect((await remove(colleague.userId, company.token)).status).toBe(204);
        expect((await login(colleague.email, NEW_PASSWORD)).status).toBe(401);
        expect((await post('/api/auth/refresh', undefined, { cookie: colleague.cookie })).status).toBe(401);
        expect((await platform.client.get('/api/companies/me/users', company.token)).body).toHaveLength(1);
      });

      it('never removes oneself, nor another company’s user', async () => {
        const { company, colleague } = await companyOfTwo();
        const self = await remove(company.userId, company.token);
        expect(self.status).toBe(400);
        expect(self.body.message).toMatch(/cannot remove themself/);
        const stranger = await signedInCompany(platform.client, platform.inbox);
        expect((await remove(stranger.userId, company.token)).status).toBe(404);
        expect((await remove('not-a-uuid', company.token)).status).toBe(404);
        expect((await platform.client.get('/api/companies/me/users', colleague.token)).body).toHaveLength(2);
      });

      it('keeps one user when two colleagues remove each other at once', async () => {
        const { company, colleague } = await companyOfTwo();
        const answers = await Promise.all([remove(colleague.userId, company.token), remove(company.userId, colleague.token)]);
        expect(answers.map((a) => a.status).sort()).toEqual([204, 409]);
        const [row] = await platform.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE company_id = $1`, [company.companyId]);
        expect(row.n).toBe(1);
      });
    });
  });
});
