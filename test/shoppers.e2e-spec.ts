import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { TokensService } from '@app/accounts';
import { SectorWorkers } from '../apps/worker/src/shoppers/sector-workers';
import { TestPlatform } from './support/platform';
import { PASSWORD, randomSiren, tokenFromMail, uniqueEmail } from './support/fixtures';
import { createCategory, createEdition, juryToken, quickCompanies } from './support/season';
import { waitFor } from '@app/simulation';

const INVITATION_SUBJECT = /Invitation à devenir client mystère|Invitation to become a mystery shopper/;

describe('shoppers: invitations, accounts, profiles and suspension', () => {
  let platform: TestPlatform;
  let jury: string;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    jury = await juryToken(platform);
  });
  afterAll(async () => {
    await platform.close();
  });

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await platform.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n);

  const invitationBody = (overrides: Record<string, unknown> = {}) => ({
    email: uniqueEmail('shopper'),
    name: 'Julie Durand',
    sectors: ['banking', 'telecom'],
    weeklyCapacity: 5,
    ...overrides,
  });

  async function invite(overrides: Record<string, unknown> = {}) {
    const body = invitationBody(overrides);
    const response = await platform.client.post('/api/shoppers/invitations', body, jury);
    if (response.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(response.body)}`);
    return { body, invitation: response.body, token: await tokenFromMail(platform.inbox, body.email, INVITATION_SUBJECT) };
  }

  /** A shopper made through the real invitation e-mail and acceptance. */
  async function invitedShopper(overrides: Record<string, unknown> = {}) {
    const { body, token } = await invite(overrides);
    const accept = await platform.client.post('/api/shoppers/accept', { token, password: PASSWORD });
    if (accept.status !== 201) throw new Error(`accept failed: ${JSON.stringify(accept.body)}`);
    return { email: body.email, token: accept.body.accessToken as string, userId: accept.body.user.id as string };
  }

  const patchMe = (token: string, body: unknown) => platform.client.request('PATCH', '/api/shoppers/me', { body, token });

  it('invites by e-mail, accepts with the token from the mail, and the shopper reads their profile', async () => {
    const body = invitationBody({ name: 'Julie Durand', sectors: ['banking', 'energy'], weeklyCapacity: 7 });
    const invitation = await platform.client.post('/api/shoppers/invitations', body, jury);
    expect(invitation.status).toBe(201);
    expect(invitation.body).toMatchObject({ email: body.email, name: 'Julie Durand', sectors: ['banking', 'energy'], weeklyCapacity: 7, acceptedAt: null });

    const mail = await platform.inbox.waitForMail(body.email, { subject: INVITATION_SUBJECT });
    expect(mail.subject).toBe('Invitation à devenir client mystère — Palmares');
    expect(mail.text).toContain('http://palmares.test/shopper-invitation?token=');
    expect(mail.text).toContain('banking, energy');
    expect(mail.html).toContain('<strong>7</strong>');
    expect(await count('notification', `dedupe_key = $1`, [`shopper-invitation:${invitation.body.id}`])).toBe(1);

    const token = await tokenFromMail(platform.inbox, body.email, INVITATION_SUBJECT);
    const accept = await platform.client.post('/api/shoppers/accept', { token, password: PASSWORD, locale: 'en' });
    expect(accept.status).toBe(201);
    expect(accept.body.accessToken).toEqual(expect.any(String));
    expect(accept.body.user).toMatchObject({ email: body.email, role: 'SHOPPER', companyId: null, locale: 'en', name: 'Julie Durand', emailConfirmed: true });

    const me = await platform.client.get('/api/shoppers/me', accept.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      userId: accept.body.user.id,
      name: 'Julie Durand',
      email: body.email,
      sectors: ['banking', 'energy'],
      weeklyCapacity: 7,
      suspended: false,
      conflicts: [],
    });

    const login = await platform.client.post('/api/auth/login', { email: body.email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('SHOPPER');

    const [row] = await platform.dataSource.query(`SELECT accepted_at, user_id FROM shopper_invitation WHERE id = $1`, [invitation.body.id]);
    expect(row.accepted_at).not.toBeNull();
    expect(row.user_id).toBe(accept.body.user.id);

    const list = await platform.client.get('/api/shoppers', jury);
    expect(list.status).toBe(200);
    expect(list.body.find((s: { userId: string }) => s.userId === accept.body.user.id)).toMatchObject({
      email: body.email,
      sectors: ['banking', 'energy'],
      weeklyCapacity: 7,
      suspended: false,
      suspendedAt: null,
      tasks: {},
    });
  });

  describe('refuses bad invitations with a 4xx naming the rule, and writes nothing', () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['a malformed e-mail', { email: 'not-an-email' }, /email must be a valid e-mail address/],
      ['a sector code that is not a slug', { sectors: ['Banking & Co'] }, /each of sectors must be a category code/],
      ['a sector code of one letter', { sectors: ['b'] }, /each of sectors must be a category code/],
      ['no sector', { sectors: [] }, /sectors must be a list of 1 to 20 different category codes/],
      ['a sector twice', { sectors: ['banking', 'banking'] }, /a code appears twice/],
      ['21 sectors', { sectors: Array.from({ length: 21 }, (_, i) => `sector-${i}`) }, /sectors must be a list of 1 to 20/],
      ['a capacity of 0', { weeklyCapacity: 0 }, /weeklyCapacity must be a whole number of tests from 1 to 200/],
      ['a capacity of 500', { weeklyCapacity: 500 }, /weeklyCapacity must be a whole number of tests from 1 to 200/],
      ['a fractional capacity', { weeklyCapacity: 2.5 }, /weeklyCapacity must be a whole number/],
      ['an empty name', { name: '  ' }, /name must be 1 to 200 characters long/],
      ['an unknown field', { role: 'JURY' }, /property role should not exist/],
    ];
    it.each(cases)('%s', async (_label, overrides, message) => {
      const body = invitationBody(overrides);
      const response = await platform.client.post('/api/shoppers/invitations', body, jury);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(message), code: 'VALIDATION_FAILED' });
      expect(await count('shopper_invitation', 'email = $1', [String(body.email).toLowerCase()])).toBe(0);
      expect(await count('notification', 'recipient = $1', [String(body.email).toLowerCase()])).toBe(0);
    });
  });

  it('refuses a second open invitation for the same e-mail with 409 and sends one e-mail', async () => {
    const { body } = await invite();
    const again = await platform.client.post('/api/shoppers/invitations', invitationBody({ email: body.email.toUpperCase() }), jury);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/an invitation for .* is already open/);
    expect(await count('shopper_invitation', 'email = $1', [body.email])).toBe(1);
    expect(await count('notification', 'recipient = $1', [body.email])).toBe(1);
  });

  it('replaces an open invitation whose link has expired', async () => {
    const { body, invitation, token } = await invite();
    await platform.dataSource.query(`UPDATE shopper_invitation SET created_at = now() - interval '15 days' WHERE id = $1`, [invitation.id]);
    const again = await platform.client.post('/api/shoppers/invitations', invitationBody({ email: body.email, weeklyCapacity: 9 }), jury);
    expect(again.status).toBe(201);
    expect(await count('shopper_invitation', 'email = $1', [body.email])).toBe(1);
    // The old link names an invitation that no longer exists.
    expect((await platform.client.post('/api/shoppers/accept', { token, password: PASSWORD })).status).toBe(404);
    await platform.inbox.waitForMail(body.email, { subject: INVITATION_SUBJECT, count: 2 });
    const newToken = await tokenFromMail(platform.inbox, body.email, INVITATION_SUBJECT);
    const accept = await platform.client.post('/api/shoppers/accept', { token: newToken, password: PASSWORD });
    expect(accept.status).toBe(201);
    expect((await platform.client.get('/api/shoppers/me', accept.body.accessToken)).body.weeklyCapacity).toBe(9);
  });

  it('refuses to invite the e-mail of an existing account with 409, company or shopper', async () => {
    const [company] = await quickCompanies(platform, 1);
    const response = await platform.client.post('/api/shoppers/invitations', invitationBody({ email: company.email }), jury);
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/an account with the e-mail .* already exists/);
    expect(await count('shopper_invitation', 'email = $1', [company.email])).toBe(0);

    const shopper = await invitedShopper();
    expect((await platform.client.post('/api/shoppers/invitations', invitationBody({ email: shopper.email }), jury)).status).toBe(409);
  });

  describe('accepting', () => {
    it('works once: a reused token → 409, and the account is not made twice', async () => {
      const { body, token } = await invite();
      expect((await platform.client.post('/api/shoppers/accept', { token, password: PASSWORD })).status).toBe(201);
      const reused = await platform.client.post('/api/shoppers/accept', { token, password: 'another-password-9' });
      expect(reused.status).toBe(409);
      expect(reused.body.message).toMatch(/this invitation has already been accepted/);
      expect(await count('app_user', 'email = $1', [body.email])).toBe(1);
    });

    it('two acceptances at once: one account, one 409', async () => {
      const { body, token } = await invite();
      const responses = await Promise.all([1, 2].map(() => platform.client.post('/api/shoppers/accept', { token, password: PASSWORD })));
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await count('app_user', 'email = $1', [body.email])).toBe(1);
      expect(await count('shopper s JOIN app_user u ON u.id = s.user_id', 'u.email = $1', [body.email])).toBe(1);
    });

    it('refuses a forged, an expired, an access and another purpose token with 400', async () => {
      const { invitation, token } = await invite();
      const [header, payload] = token.split('.');
      const forged = await platform.client.post('/api/shoppers/accept', { token: `${header}.${payload}.c2lnbmF0dXJlLWZvcmdlZA`, password: PASSWORD });
      expect(forged.status).toBe(400);
      expect(forged.body.message).toMatch(/shopper invitation token is invalid or has expired/);

      const expired = platform.api.get(JwtService).sign({ sub: invitation.id, typ: 'shopper-invitation' }, { expiresIn: -10 });
      expect((await platform.client.post('/api/shoppers/accept', { token: expired, password: PASSWORD })).status).toBe(400);

      const tokens = platform.api.get(TokensService);
      const confirmation = tokens.issuePurposeToken('email-confirmation', invitation.id);
      expect((await platform.client.post('/api/shoppers/accept', { token: confirmation, password: PASSWORD })).status).toBe(400);
      const access = tokens.issueAccessToken({ id: invitation.id, role: 'SHOPPER', companyId: null });
      expect((await platform.client.post('/api/shoppers/accept', { token: access, password: PASSWORD })).status).toBe(400);

      expect(await count('shopper_invitation', 'id = $1 AND accepted_at IS NULL', [invitation.id])).toBe(1);
    });

    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['a weak password', { password: 'short1' }, /password must be 10 to 128 characters long/],
      ['a password without digits', { password: 'onlyletters-here' }, /at least one letter and one digit/],
      ['an unknown locale', { locale: 'de' }, /locale must be fr or en/],
      ['an unknown field', { role: 'JURY' }, /property role should not exist/],
    ];
    it.each(cases)('refuses %s with 400 and keeps the invitation open', async (_label, overrides, message) => {
      const { body, invitation, token } = await invite();
      const response = await platform.client.post('/api/shoppers/accept', { token, password: PASSWORD, ...overrides });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(message);
      expect(await count('app_user', 'email = $1', [body.email])).toBe(0);
      expect(await count('shopper_invitation', 'id = $1 AND accepted_at IS NULL', [invitation.id])).toBe(1);
    });

    it('refuses with 409 when the e-mail got an account meanwhile, and keeps the invitation open', async () => {
      const { body, invitation, token } = await invite();
      await platform.dataSource.query(`INSERT INTO app_user (email, password_hash, role, email_confirmed_at) VALUES ($1, 'x', 'JURY', now())`, [body.email]);
      const response = await platform.client.post('/api/shoppers/accept', { token, password: PASSWORD });
      expect(response.status).toBe(409);
      expect(response.body.message).toMatch(/an account with the e-mail .* already exists/);
      expect(await count('shopper_invitation', 'id = $1 AND accepted_at IS NULL', [invitation.id])).toBe(1);
    });
  });

  describe('profile', () => {
    it('updates sectors and capacity, and conflicts replace the declared list', async () => {
      const shopper = await invitedShopper();
      const siren = randomSiren();
      await platform.dataSource.query(
        `INSERT INTO company (legal_name, siren, country, billing_address) VALUES ('Assurances Exemple', $1, 'FR', '2 rue de Rivoli, 75001 Paris')`,
        [siren],
      );
      const unregistered = randomSiren();

      const first = await patchMe(shopper.token, {
        sectors: ['insurance'],
        weeklyCapacity: 12,
        conflicts: [
          { siren, reason: 'Ma sœur y travaille' },
          { siren: unregistered, reason: 'Ancien employeur' },
        ],
      });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ sectors: ['insurance'], weeklyCapacity: 12 });
      expect(first.body.conflicts).toEqual(
        expect.arrayContaining([
          { siren, reason: 'Ma sœur y travaille', companyName: 'Assurances Exemple' },
          { siren: unregistered, reason: 'Ancien employeur', companyName: null },
        ]),
      );
      expect(first.body.conflicts).toHaveLength(2);

      const onlyCapacity = await patchMe(shopper.token, { weeklyCapacity: 3 });
      expect(onlyCapacity.body).toMatchObject({ sectors: ['insurance'], weeklyCapacity: 3 });
      expect(onlyCapacity.body.conflicts).toHaveLength(2);

      const replaced = await patchMe(shopper.token, { conflicts: [{ siren: unregistered, reason: 'Fournisseur de mon entreprise' }] });
      expect(replaced.body.conflicts).toEqual([{ siren: unregistered, reason: 'Fournisseur de mon entreprise', companyName: null }]);
      expect(await count('shopper_conflict', 'shopper_id = $1', [shopper.userId])).toBe(1);

      const cleared = await patchMe(shopper.token, { conflicts: [] });
      expect(cleared.body.conflicts).toEqual([]);
      expect((await platform.client.get('/api/shoppers/me', shopper.token)).body).toMatchObject({ sectors: ['insurance'], weeklyCapacity: 3, conflicts: [] });
    });

    describe('refuses bad updates with 400 naming the rule, and changes nothing', () => {
      const cases: [string, Record<string, unknown>, RegExp][] = [
        ['a SIREN failing the Luhn check', { conflicts: [{ siren: '732829321', reason: 'x' }] }, /siren must be a SIREN: 9 digits with a valid Luhn checksum/],
        ['a SIREN of 8 digits', { conflicts: [{ siren: '73282932', reason: 'x' }] }, /SIREN/],
        ['a conflict without reason', { conflicts: [{ siren: '732829320' }] }, /reason must be 1 to 300 characters long/],
        ['a reason over 300 characters', { conflicts: [{ siren: '732829320', reason: 'x'.repeat(301) }] }, /reason must be 1 to 300 characters long/],
        [
          'the same SIREN twice',
          {
            conflicts: [
              { siren: '732829320', reason: 'a' },
              { siren: '732829320', reason: 'b' },
            ],
          },
          /conflicts must name each SIREN once/,
        ],
        ['conflicts that are not a list', { conflicts: '732829320' }, /conflicts must be a list/],
        ['a capacity of 0', { weeklyCapacity: 0 }, /weeklyCapacity must be a whole number of tests from 1 to 200/],
        ['a capacity of 500', { weeklyCapacity: 500 }, /weeklyCapacity must be a whole number of tests from 1 to 200/],
        ['a bad sector code', { sectors: ['BANK!'] }, /each of sectors must be a category code/],
        ['no sector', { sectors: [] }, /sectors must be a list of 1 to 20/],
        ['an unknown field', { suspended: false }, /property suspended should not exist/],
        ['an unknown field in a conflict', { conflicts: [{ siren: '732829320', reason: 'x', companyId: 'y' }] }, /property companyId should not exist/],
      ];
      let shopper: { token: string; userId: string };
      let before: unknown;
      beforeAll(async () => {
        shopper = await invitedShopper();
        before = (await patchMe(shopper.token, { conflicts: [{ siren: '732829320', reason: 'Ancien employeur' }] })).body;
      });
      it.each(cases)('%s', async (_label, body, message) => {
        const response = await patchMe(shopper.token, body);
        expect(response.status).toBe(400);
        expect(response.body.message).toMatch(message);
        expect((await platform.client.get('/api/shoppers/me', shopper.token)).body).toEqual(before);
      });
    });
  });

  describe('roles', () => {
    it('a company user on shopper routes → 403; anonymous → 401', async () => {
      const [company] = await quickCompanies(platform, 1);
      expect((await platform.client.get('/api/shoppers/me', company.token)).status).toBe(403);
      expect((await patchMe(company.token, { weeklyCapacity: 3 })).status).toBe(403);
      expect((await platform.client.post('/api/shoppers/invitations', invitationBody(), company.token)).status).toBe(403);
      expect((await platform.client.get('/api/shoppers', company.token)).status).toBe(403);
      const anonymous = await platform.client.get('/api/shoppers/me');
      expect(anonymous.status).toBe(401);
      expect((await platform.client.request('PATCH', '/api/shoppers/me', { body: { weeklyCapacity: 3 } })).status).toBe(401);
      expect((await platform.client.post('/api/shoppers/invitations', invitationBody())).status).toBe(401);
    });

    it('a shopper on jury routes → 403, and the jury has no shopper profile', async () => {
      const shopper = await invitedShopper();
      const forbidden = await platform.client.post('/api/shoppers/invitations', invitationBody(), shopper.token);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.message).toMatch(/this route is for JURY users only/);
      expect((await platform.client.get('/api/shoppers', shopper.token)).status).toBe(403);
      expect((await platform.client.post(`/api/shoppers/${shopper.userId}/suspend`, { reason: 'me' }, shopper.token)).status).toBe(403);
      expect((await platform.client.post(`/api/shoppers/${shopper.userId}/reinstate`, {}, shopper.token)).status).toBe(403);
      expect((await platform.client.get('/api/shoppers/me', jury)).status).toBe(403);
    });
  });

  describe('suspension', () => {
    it('suspends and reinstates, each once, with an audit entry', async () => {
      const shopper = await invitedShopper();
      const suspend = await platform.client.post(`/api/shoppers/${shopper.userId}/suspend`, { reason: 'Évaluations recopiées' }, jury);
      expect(suspend.status).toBe(200);
      expect(suspend.body).toMatchObject({ userId: shopper.userId, suspended: true, suspendedAt: expect.any(String) });
      expect((await platform.client.get('/api/shoppers/me', shopper.token)).body.suspended).toBe(true);
      expect(await count('audit_log', `action = 'shopper.suspend' AND subject_id = $1`, [shopper.userId])).toBe(1);

      const again = await platform.client.post(`/api/shoppers/${shopper.userId}/suspend`, { reason: 'encore' }, jury);
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/already suspended/);

      const reinstate = await platform.client.post(`/api/shoppers/${shopper.userId}/reinstate`, {}, jury);
      expect(reinstate.status).toBe(200);
      expect(reinstate.body).toMatchObject({ suspended: false, suspendedAt: null });
      expect(await count('audit_log', `action = 'shopper.reinstate' AND subject_id = $1`, [shopper.userId])).toBe(1);
      expect((await platform.client.post(`/api/shoppers/${shopper.userId}/reinstate`, {}, jury)).status).toBe(409);
    });

    it('takes back the suspended shopper’s assigned tasks (load freed, back to the queues); submitted ones stay', async () => {
      const edition = await createEdition(platform, jury);
      const category = await createCategory(platform, jury, edition.id);
      const [company] = await quickCompanies(platform, 1);
      const [entry] = await platform.dataSource.query(
        `INSERT INTO entry (edition_id, category_id, company_id, status, contact_points, confirmed_at)
         VALUES ($1, $2, $3, 'IN_TEST', '{"PHONE": ["+33 1 23 45 67 89"]}', now()) RETURNING id`,
        [edition.id, category.id, company.id],
      );
      const shopper = await invitedShopper({ sectors: [category.code] });
      const seedTask = async (slot: number, status: string) =>
        (
          await platform.dataSource.query(
            `INSERT INTO task (edition_id, category_id, entry_id, company_id, channel, slot, contact_point, scenario,
                               window_start, window_end, week_start, status, shopper_id, assigned_at)
             VALUES ($1, $2, $3, $4, 'PHONE', $5, '+33 1 23 45 67 89', 'Demander comment résilier le contrat',
                     now() + interval '1 day', now() + interval '2 days', '2030-01-07', $6, $7, now()) RETURNING id`,
            [edition.id, category.id, entry.id, company.id, slot, status, shopper.userId],
          )
        )[0].id as string;
      const assigned = [await seedTask(0, 'ASSIGNED'), await seedTask(1, 'ASSIGNED')];
      const submitted = await seedTask(2, 'SUBMITTED');
      await platform.dataSource.query(`INSERT INTO shopper_week_load (shopper_id, week_start, assigned) VALUES ($1, '2030-01-07', 3)`, [shopper.userId]);
      await platform.dataSource.query(`INSERT INTO shopper_company_load (shopper_id, company_id, edition_id, assigned) VALUES ($1, $2, $3, 3)`, [
        shopper.userId,
        company.id,
        edition.id,
      ]);
      const before = await platform.client.get('/api/shoppers', jury);
      expect(before.body.find((s: { userId: string }) => s.userId === shopper.userId).tasks).toEqual({ ASSIGNED: 2, SUBMITTED: 1 });

      const suspend = await platform.client.post(`/api/shoppers/${shopper.userId}/suspend`, { reason: 'Conflit non déclaré' }, jury);
      expect(suspend.status).toBe(200);
      expect(suspend.body.tasks).toEqual({ SUBMITTED: 1 });

      const tasks = await platform.dataSource.query(`SELECT id, status, shopper_id FROM task WHERE id = ANY($1)`, [[...assigned, submitted]]);
      for (const task of tasks.filter((t: { id: string }) => assigned.includes(t.id))) expect(task.shopper_id).not.toBe(shopper.userId);
      expect(tasks.find((t: { id: string }) => t.id === submitted)).toMatchObject({ status: 'SUBMITTED', shopper_id: shopper.userId });
      const [weekLoad] = await platform.dataSource.query(`SELECT assigned FROM shopper_week_load WHERE shopper_id = $1`, [shopper.userId]);
      expect(weekLoad.assigned).toBe(1);
      const [auditRow] = await platform.dataSource.query(`SELECT details FROM audit_log WHERE action = 'shopper.suspend' AND subject_id = $1`, [
        shopper.userId,
      ]);
      expect(auditRow.details).toMatchObject({ reason: 'Conflit non déclaré', releasedTasks: expect.arrayContaining(assigned) });

      // No other shopper in this sector: the released tasks go through its queue and end up unassignable, never back to the
      // suspended shopper. (The edition is a draft, so the worker is told to serve the sector.)
      platform.worker!.get(SectorWorkers).serve([category.code]);
      await waitFor(
        async () => (await count('task', `id = ANY($1) AND status = 'UNASSIGNABLE'`, [assigned])) === 2,
        20_000,
        'the released tasks to be processed by the sector queue',
      );
      expect(await count('task', `id = ANY($1) AND shopper_id = $2`, [assigned, shopper.userId])).toBe(0);
    });

    it('answers 404 for an unknown shopper and 400 without a reason', async () => {
      expect((await platform.client.post(`/api/shoppers/${randomUUID()}/suspend`, { reason: 'x' }, jury)).status).toBe(404);
      expect((await platform.client.post(`/api/shoppers/not-a-uuid/suspend`, { reason: 'x' }, jury)).status).toBe(404);
      expect((await platform.client.post(`/api/shoppers/${randomUUID()}/reinstate`, {}, jury)).status).toBe(404);
      const shopper = await invitedShopper();
      const noReason = await platform.client.post(`/api/shoppers/${shopper.userId}/suspend`, {}, jury);
      expect(noReason.status).toBe(400);
      expect(noReason.body.message).toMatch(/reason must be 1 to 500 characters long/);
      expect((await platform.client.get('/api/shoppers/me', shopper.token)).body.suspended).toBe(false);
    });
  });
});
