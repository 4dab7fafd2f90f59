import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { TokensService } from '@app/accounts';
import { EntryFees } from '@app/billing';
import { CalendarSteps } from '@app/calendar';
import { QueueName } from '@app/core';
import { TestPlatform } from './support/platform';
import { contactPoints, createCategory, createEdition, juryToken, openEdition, quickCompanies } from './support/season';
import { sleep, waitFor } from '@app/simulation';

describe('registration: entries, invoices, the deadline and the calendar steps', () => {
  let platform: TestPlatform;
  let jury: string;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    jury = await juryToken(platform);
  });
  afterAll(async () => {
    await platform.close();
  });

  const entryStatus = async (id: string) => (await platform.dataSource.query(`SELECT status FROM entry WHERE id = $1`, [id]))[0].status;
  const editionStatus = async (id: string) => (await platform.dataSource.query(`SELECT status FROM edition WHERE id = $1`, [id]))[0].status;
  const mailsTo = (email: string, subject: RegExp) => platform.inbox.to(email).filter((m) => subject.test(m.subject));

  async function openSeason(categories = 1, calendar = {}) {
    const edition = await createEdition(platform, jury, calendar);
    const created = [];
    for (let i = 0; i < categories; i++) created.push(await createCategory(platform, jury, edition.id));
    await openEdition(platform, jury, edition.id);
    return { edition, categories: created };
  }

  async function register(company: { token: string }, categoryId: string) {
    return platform.client.post('/api/entries', { categoryId, contactPoints }, company.token);
  }

  async function payByTransfer(invoice: { id: string; totalCents: number }, receivedAt = new Date()) {
    const response = await platform.client.post(
      `/api/invoices/${invoice.id}/bank-transfers`,
      { amountCents: invoice.totalCents, reference: `VIR-${invoice.id.slice(0, 8)}`, receivedAt: receivedAt.toISOString() },
      jury,
    );
    if (response.status !== 201 && response.status !== 200) throw new Error(`transfer failed: ${JSON.stringify(response.body)}`);
  }

  it('registers an entry with its invoice, and e-mails the invoice as a PDF', async () => {
    const { edition, categories } = await openSeason();
    const [company] = await quickCompanies(platform, 1);
    const response = await register(company, categories[0].id);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ companyId: company.id, categoryId: categories[0].id, status: 'PENDING_PAYMENT', contactPoints });
    expect(response.body.invoice).toMatchObject({
      kind: 'INVOICE',
      number: `${edition.year}-000001`,
      amountExclVatCents: 1_368_000,
      vatCents: 273_600,
      totalCents: 1_641_600,
      status: 'UNPAID',
      payments: [],
    });
    const mail = await platform.inbox.waitForMail(company.email, { subject: /Inscription enregistrée/ });
    expect(mail.text).toContain(`${edition.year}-000001`);
    expect(mail.text).toMatch(/16\s416,00\s€/);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].contentType).toBe('application/pdf');
    expect(mail.attachments[0].content.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('gives 200 concurrent entries the invoice numbers 1 to 200, without gap or duplicate', async () => {
    const { edition, categories } = await openSeason();
    const companies = await quickCompanies(platform, 200);
    const responses = await Promise.all(companies.map((c) => register(c, categories[0].id)));
    expect(responses.map((r) => r.status)).toEqual(companies.map(() => 201));
    const numbers = responses.map((r) => r.body.invoice.number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => `${edition.year}-${String(i + 1).padStart(6, '0')}`));
  });

  describe('refuses bad entries with a 4xx naming the rule, and writes nothing', () => {
    it('a second entry of the same company in the same category → 409', async () => {
      const { categories } = await openSeason();
      const [company] = await quickCompanies(platform, 1);
      expect((await register(company, categories[0].id)).status).toBe(201);
      const again = await register(company, categories[0].id);
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/one entry per company and category/);
      expect(Number((await platform.dataSource.query(`SELECT count(*) FROM invoice WHERE company_id = $1`, [company.id]))[0].count)).toBe(1);
    });

    it('an unknown category → 404, a malformed id → 400', async () => {
      const [company] = await quickCompanies(platform, 1);
      const unknown = await register(company, '00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toMatch(/category .* does not exist/);
      expect((await register(company, 'banking')).status).toBe(400);
    });

    it('an entry in a draft edition → 409', async () => {
      const edition = await createEdition(platform, jury);
      const category = await createCategory(platform, jury, edition.id);
      const [company] = await quickCompanies(platform, 1);
      const response = await register(company, category.id);
      expect(response.status).toBe(409);
      expect(response.body.message).toMatch(/not open/);
    });

    it('contact points on a channel the category does not test, or none at all → 400', async () => {
      const { categories } = await openSeason();
      const [company] = await quickCompanies(platform, 1);
      const chat = await platform.client.post(
        '/api/entries',
        { categoryId: categories[0].id, contactPoints: { ...contactPoints, CHAT: ['https://chat.example.fr'] } },
        company.token,
      );
      expect(chat.status).toBe(400);
      expect(chat.body.message).toMatch(/does not test the channel\(s\) CHAT/);
      const none = await platform.client.post('/api/entries', { categoryId: categories[0].id, contactPoints: {} }, company.token);
      expect(none.status).toBe(400);
      const badPhone = await platform.client.post('/api/entries', { categoryId: categories[0].id, contactPoints: { PHONE: ['call me'] } }, company.token);
      expect(badPhone.status).toBe(400);
      expect(badPhone.body.message).toMatch(/contactPoints.PHONE must hold phone numbers/);
      const unknownField = await platform.client.post('/api/entries', { categoryId: categories[0].id, contactPoints, discount: 100 }, company.token);
      expect(unknownField.status).toBe(400);
      expect(Number((await platform.dataSource.query(`SELECT count(*) FROM entry WHERE company_id = $1`, [company.id]))[0].count)).toBe(0);
    });

    it('a shopper or a jury user creating an entry → 403; anonymous → 401', async () => {
      const { categories } = await openSeason();
      const [shopper] = await platform.dataSource.query(
        `INSERT INTO app_user (email, password_hash, role, email_confirmed_at) VALUES ($1, 'x', 'SHOPPER', now()) RETURNING id`,
        [`shopper-${Date.now()}@example.test`],
      );
      const shopperToken = platform.api.get(TokensService).issueAccessToken({ id: shopper.id, role: 'SHOPPER', companyId: null });
      const byShopper = await platform.client.post('/api/entries', { categoryId: categories[0].id, contactPoints }, shopperToken);
      expect(byShopper.status).toBe(403);
      expect(byShopper.body.message).toBe('this route is for COMPANY users only');
      expect((await platform.client.post('/api/entries', { categoryId: categories[0].id, contactPoints }, jury)).status).toBe(403);
      expect((await platform.client.post('/api/entries', { categoryId: categories[0].id, contactPoints })).status).toBe(401);
    });

    it("a company reading another company's entry → 404", async () => {
      const { categories } = await openSeason();
      const [a, b] = await quickCompanies(platform, 2);
      const entry = await register(a, categories[0].id);
      expect((await platform.client.get(`/api/entries/${entry.body.id}`, b.token)).status).toBe(404);
      expect((await platform.client.get(`/api/entries/${entry.body.id}`, a.token)).status).toBe(200);
      expect((await platform.client.get(`/api/entries/${entry.body.id}`, jury)).status).toBe(200);
      const listed = await platform.client.get('/api/entries', b.token);
      expect(listed.body.map((e: { id: string }) => e.id)).not.toContain(entry.body.id);
    });
  });

  it('takes an entry at the last millisecond before the deadline and refuses it at the deadline', async () => {
    const { edition, categories } = await openSeason();
    const [early, late] = await quickCompanies(platform, 2);
    const entries = platform.api.get(EntryFees);
    const deadline = new Date(edition.registrationDeadline);
    const dto = { categoryId: categories[0].id, contactPoints };
    await expect(entries.register({ id: early.userId, role: 'COMPANY', companyId: early.id }, dto, new Date(deadline.getTime() - 1))).resolves.toMatchObject({
      status: 'PENDING_PAYMENT',
    });
    await expect(entries.register({ id: late.userId, role: 'COMPANY', companyId: late.id }, dto, deadline)).rejects.toThrow(/closed/);
  });

  it('judges a category read a moment ago again against the database: cancelled or closed since, the next entry is refused', async () => {
    const { edition, categories } = await openSeason(2);
    const [first, second, third] = await quickCompanies(platform, 3);
    const liveEntries = async (companyId: string) =>
      (await platform.dataSource.query(`SELECT count(*)::int AS n FROM entry WHERE company_id = $1`, [companyId]))[0].n;
    // The first registration reads the category and its edition (and keeps them a second); both change meanwhile.
    expect((await register(first, categories[0].id)).status).toBe(201);
    await platform.dataSource.query(`UPDATE category SET status = 'CANCELLED', cancelled_at = now() WHERE id = $1`, [categories[0].id]);
    const cancelled = await register(second, categories[0].id);
    expect(cancelled.body).toMatchObject({ statusCode: 409, code: 'CATEGORY_CANCELLED' });
    expect(await liveEntries(second.id)).toBe(0);

    expect((await register(first, categories[1].id)).status).toBe(201);
    await platform.dataSource.query(`UPDATE edition SET status = 'CLOSED' WHERE id = $1`, [edition.id]);
    const closed = await register(third, categories[1].id);
    expect(closed.body).toMatchObject({ statusCode: 409, code: 'REGISTRATION_CLOSED' });
    expect(await liveEntries(third.id)).toBe(0);
  });

  it('withdraws before the deadline with a credit note, and refuses after it', async () => {
    const { categories } = await openSeason();
    const [company] = await quickCompanies(platform, 1);
    const entry = await register(company, categories[0].id);
    const withdrawn = await platform.client.post(`/api/entries/${entry.body.id}/withdraw`, {}, company.token);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('WITHDRAWN');
    expect(withdrawn.body.invoice.status).toBe('CREDITED');
    const [creditNote] = await platform.dataSource.query(`SELECT * FROM invoice WHERE credited_invoice_id = $1`, [entry.body.invoice.id]);
    expect(creditNote).toMatchObject({ kind: 'CREDIT_NOTE', total_cents: -1_641_600 });
    expect((await platform.client.post(`/api/entries/${entry.body.id}/withdraw`, {}, company.token)).status).toBe(409);
    // A withdrawn entry does not block a new one.
    expect((await register(company, categories[0].id)).status).toBe(201);

    const entries = platform.api.get(EntryFees);
    const other = await register((await quickCompanies(platform, 1))[0], categories[0].id);
    await expect(
      entries.withdraw({ id: 'x', role: 'COMPANY', companyId: other.body.companyId }, other.body.id, new Date(Date.now() + 365 * 24 * 3600 * 1000)),
    ).rejects.toThrow(/only before the registration deadline/);
  });

  describe('calendar steps', () => {
    it('sends the D-7 reminder to unpaid entries only, once however often it runs', async () => {
      const { categories } = await openSeason();
      const [unpaid, paid] = await quickCompanies(platform, 2);
      await register(unpaid, categories[0].id);
      const paidEntry = await register(paid, categories[0].id);
      await payByTransfer(paidEntry.body.invoice);
      const steps = platform.worker!.get(CalendarSteps);
      const editionId = paidEntry.body.editionId;
      await steps.remindUnpaid(editionId, 7);
      await steps.remindUnpaid(editionId, 7);
      await platform.inbox.waitForMail(unpaid.email, { subject: /J-7/ });
      await sleep(300);
      expect(mailsTo(unpaid.email, /J-7/)).toHaveLength(1);
      expect(mailsTo(paid.email, /J-7/)).toHaveLength(0);
      expect(await entryStatus(paidEntry.body.id)).toBe('CONFIRMED');
    });

    it('closes registration once: run twice and late gives the same result, and every entrant is told', async () => {
      const { edition, categories } = await openSeason(2);
      const companies = await quickCompanies(platform, 4);
      for (const c of companies.slice(0, 3)) await register(c, categories[0].id);
      await register(companies[3], categories[1].id); // 1 live entry < 3: cancelled at close
      const steps = platform.worker!.get(CalendarSteps);
      const deadline = new Date(edition.registrationDeadline);

      expect(await steps.closeRegistration(edition.id, new Date(deadline.getTime() - 1))).toMatchObject({ done: false });
      expect(await editionStatus(edition.id)).toBe('OPEN');

      const first = await steps.closeRegistration(edition.id, deadline);
      const late = await steps.closeRegistration(edition.id, new Date(deadline.getTime() + 3 * 24 * 3600 * 1000));
      expect(first).toMatchObject({ done: true, detail: { cancelledCategories: 1 } });
      expect(late).toMatchObject({ done: false });
      expect(await editionStatus(edition.id)).toBe('CLOSED');
      for (const c of companies.slice(0, 3)) await platform.inbox.waitForMail(c.email, { subject: /sont closes/ });
      await platform.inbox.waitForMail(companies[3].email, { subject: /annulée/ });
      await sleep(300);
      for (const c of companies.slice(0, 3)) expect(mailsTo(c.email, /sont closes/)).toHaveLength(1);
      expect(mailsTo(companies[3].email, /annulée/)).toHaveLength(1);
      expect(mailsTo(companies[3].email, /annulée/)[0].attachments[0].filename).toMatch(/\.pdf$/);

      // Request time agrees with the job: no entry after the deadline, whatever the status says.
      const [late1] = await quickCompanies(platform, 1);
      expect((await register(late1, categories[0].id)).status).toBe(409);
    });

    it('recovers a close job lost with Redis: the worker reschedules it at start-up and it runs once', async () => {
      const { edition, categories } = await openSeason(1, { registrationDeadline: new Date(Date.now() + 4000) });
      const companies = await quickCompanies(platform, 3);
      for (const c of companies) expect((await register(c, categories[0].id)).status).toBe(201);
      await platform.stopWorker();
      const queue = platform.api.get<Queue>(getQueueToken(QueueName.EditionCalendar));
      const jobs = await queue.getJobs(['delayed', 'waiting']);
      const ours = jobs.filter((j) => j.data.editionId === edition.id);
      expect(ours.map((j) => j.name).sort()).toEqual(['payment-due', 'registration-close', 'test-period-end', 'test-period-start']);
      for (const job of ours) await job.remove(); // Redis lost them
      await sleep(Math.max(0, new Date(edition.registrationDeadline).getTime() - Date.now() + 100));
      expect(await editionStatus(edition.id)).toBe('OPEN');

      await platform.startWorker();
      await waitFor(async () => (await editionStatus(edition.id)) === 'CLOSED', 10_000, 'edition closed by the recovered job');
      for (const c of companies) await platform.inbox.waitForMail(c.email, { subject: /sont closes/ });
      await platform.stopWorker();
      await platform.startWorker(); // a second restart reschedules nothing new
      await sleep(500);
      for (const c of companies) expect(mailsTo(c.email, /sont closes/)).toHaveLength(1);
    });

    it('at the payment due date excludes the unpaid, keeps the paid, and cancels a category left below its minimum', async () => {
      const { edition, categories } = await openSeason(2);
      const [a, b, c, d, e, f] = await quickCompanies(platform, 6);
      // Category 0: three paid, one unpaid → stays contested with 3 paid.
      const paid = [];
      for (const company of [a, b, c]) paid.push(await register(company, categories[0].id));
      const unpaid = await register(d, categories[0].id);
      for (const entry of paid) await payByTransfer(entry.body.invoice);
      // Category 1: three live at close, but only one pays → cancelled at the due date.
      const small = [
        await register(e, categories[1].id),
        await register(f, categories[1].id),
        await register((await quickCompanies(platform, 1))[0], categories[1].id),
      ];
      await payByTransfer(small[0].body.invoice);

      const steps = platform.worker!.get(CalendarSteps);
      await steps.closeRegistration(edition.id, new Date(edition.registrationDeadline));
      const due = new Date(edition.paymentDueAt);
      const outcome = await steps.applyPaymentDue(edition.id, due);
      expect(outcome.detail).toMatchObject({ excluded: 3, cancelledCategories: 1 });
      expect((await steps.applyPaymentDue(edition.id, new Date(due.getTime() + 1000))).detail).toMatchObject({ excluded: 0, cancelledCategories: 0 });

      for (const entry of paid) expect(await entryStatus(entry.body.id)).toBe('CONFIRMED');
      expect(await entryStatus(unpaid.body.id)).toBe('EXCLUDED');
      for (const entry of small) expect(await entryStatus(entry.body.id)).toBe('EXCLUDED');
      const [category] = await platform.dataSource.query(`SELECT status FROM category WHERE id = $1`, [categories[1].id]);
      expect(category.status).toBe('CANCELLED');

      await platform.inbox.waitForMail(d.email, { subject: /exclue/ });
      await platform.inbox.waitForMail(e.email, { subject: /annulée/ });
      expect(mailsTo(a.email, /exclue|annulée/)).toHaveLength(0);
      // Every excluded entry's invoice is cancelled by one credit note; the paid one is credited for refund.
      for (const entry of [unpaid, ...small]) {
        const notes = await platform.dataSource.query(`SELECT number FROM invoice WHERE credited_invoice_id = $1`, [entry.body.invoice.id]);
        expect(notes).toHaveLength(1);
      }

      // A late payment arriving after the due date does not confirm the excluded entry.
      await payByTransfer(small[1].body.invoice, new Date(due.getTime() + 60_000)).catch(() => undefined);
      expect(await entryStatus(small[1].body.id)).toBe('EXCLUDED');
    });

    it('starts the test period once (CLOSED → TESTING, confirmed entries in test) and ends it once (→ SCORING)', async () => {
      const { edition, categories } = await openSeason();
      const companies = await quickCompanies(platform, 3);
      const entries = [];
      for (const c of companies) entries.push(await register(c, categories[0].id));
      for (const entry of entries) await payByTransfer(entry.body.invoice);
      const steps = platform.worker!.get(CalendarSteps);
      await steps.closeRegistration(edition.id, new Date(edition.registrationDeadline));
      await steps.applyPaymentDue(edition.id, new Date(edition.paymentDueAt));
      expect(await steps.startTestPeriod(edition.id, new Date(new Date(edition.testPeriodStart).getTime() - 1))).toMatchObject({ done: false });
      await steps.startTestPeriod(edition.id, new Date(edition.testPeriodStart));
      await steps.startTestPeriod(edition.id, new Date(edition.testPeriodStart));
      expect(await editionStatus(edition.id)).toBe('TESTING');
      for (const entry of entries) expect(await entryStatus(entry.body.id)).toBe('IN_TEST');

      // Close and payment due run again (Redis lost their completed jobs): the edition is past them, nothing changes.
      expect(await steps.closeRegistration(edition.id, new Date(edition.testPeriodStart))).toMatchObject({ done: false });
      expect(await steps.applyPaymentDue(edition.id, new Date(edition.testPeriodStart))).toMatchObject({ done: false });
      expect((await platform.dataSource.query(`SELECT status FROM category WHERE id = $1`, [categories[0].id]))[0].status).toBe('ACTIVE');
      for (const entry of entries) expect(await entryStatus(entry.body.id)).toBe('IN_TEST');

      const end = new Date(edition.testPeriodEnd);
      expect(await steps.endTestPeriod(edition.id, new Date(end.getTime() - 1))).toMatchObject({ done: false });
      expect(await editionStatus(edition.id)).toBe('TESTING');
      expect((await steps.endTestPeriod(edition.id, end)).detail).toMatchObject({ moved: 1 });
      expect((await steps.endTestPeriod(edition.id, end)).detail).toMatchObject({ moved: 0 });
      expect(await editionStatus(edition.id)).toBe('SCORING');
    });
  });
});
