import { Client } from 'pg';
import { BillingService, PaymentsService, type Invoice } from '@app/billing';
import { EntriesService } from '@app/registration';
import { signedInCompany } from './support/fixtures';
import { TestPlatform } from './support/platform';
import { seedCategory, seedEntry } from './support/tasks-fixtures';
import { sleep } from '@app/simulation';
import {
  addCompanyUser,
  checkoutCompleted,
  deliver,
  issueEntryFeeInvoice,
  seedEdition,
  sign,
  signedInJury,
  WEBHOOK_SECRET,
  type SeededEdition,
} from './support/billing';

describe('billing: payments (card webhook, bank transfers, flags)', () => {
  let platform: TestPlatform;
  let billing: BillingService;
  let edition: SeededEdition;
  let company: Awaited<ReturnType<typeof signedInCompany>>;
  let colleague: { id: string; email: string };
  let other: Awaited<ReturnType<typeof signedInCompany>>;
  let jury: Awaited<ReturnType<typeof signedInJury>>;
  /** A connection outside the API's pool, to look at the database from outside a payment's transaction. */
  let outside: Client;
  /** What the entry's confirmation saw of its payment: billing confirms the entry inside the payment's transaction. */
  const seenByConfirmation: { entryId: string; insideTx: number; outsideTx: number }[] = [];
  const confirmationFailsFor = new Set<string>();
  let categoryId: string;

  beforeAll(async () => {
    process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
    process.env.PAYMENT_PROVIDER = 'stripe'; // what answers when Stripe is chosen but not configured
    delete process.env.STRIPE_SECRET_KEY;
    platform = await TestPlatform.start();
    billing = platform.api.get(BillingService);
    outside = new Client({ connectionString: process.env.DATABASE_URL });
    await outside.connect();
    const entries = platform.api.get(EntriesService);
    const confirmOnPayment = entries.confirmOnPayment.bind(entries);
    entries.confirmOnPayment = async (tx, entry, receivedAt) => {
      if (confirmationFailsFor.has(entry.id)) throw new Error('the entry could not be confirmed');
      const count = `SELECT count(*)::int AS n FROM payment p JOIN invoice i ON i.id = p.invoice_id WHERE i.entry_id = $1`;
      const [insideTx] = await tx.query(count, [entry.id]);
      const { rows } = await outside.query(count, [entry.id]);
      seenByConfirmation.push({ entryId: entry.id, insideTx: insideTx.n, outsideTx: rows[0].n });
      return confirmOnPayment(tx, entry, receivedAt);
    };
    edition = await seedEdition(platform.dataSource);
    categoryId = (await seedCategory(platform.dataSource, edition.id)).id;
    [company, other, jury] = await Promise.all([
      signedInCompany(platform.client, platform.inbox, { companyName: 'Énergie Verte SA' }),
      signedInCompany(platform.client, platform.inbox, { companyName: 'Autre Société SA' }),
      signedInJury(platform),
    ]);
    colleague = await addCompanyUser(platform.dataSource, company.companyId, 'en');
  });
  afterAll(async () => {
    delete process.env.PAYMENT_PROVIDER;
    await outside?.end();
    await platform.close();
  });

  /** An entry-fee invoice for an entry of its own. */
  const issue = async (companyId = company.companyId): Promise<Invoice> => {
    const { entryId } = await seedEntry(platform.dataSource, edition.id, categoryId);
    return issueEntryFeeInvoice(platform, { editionId: edition.id, companyId, entryId, description: 'Inscription — catégorie Énergie' });
  };
  const count = async (table: string, where: string, params: unknown[]) =>
    Number((await platform.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n);
  const paymentsOf = (invoiceId: string) => count('payment', 'invoice_id = $1', [invoiceId]);
  const view = async (invoiceId: string, token = company.token) => (await platform.client.get(`/api/invoices/${invoiceId}`, token)).body;
  const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

  describe('card webhook', () => {
    let paid: Invoice;

    it('records one payment and sends one e-mail per user when the same event arrives 20 times at once', async () => {
      paid = await issue();
      const created = Math.floor(Date.now() / 1000) - 60;
      const event = checkoutCompleted({ invoiceId: paid.id, amountTotal: paid.totalCents, created });
      const { payload, signature } = sign(event);

      const responses = await Promise.all(Array.from({ length: 20 }, () => deliver(platform, payload, signature)));
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
      expect(responses.filter((r) => r.body.outcome === 'PAID')).toHaveLength(1);
      expect(responses.filter((r) => r.body.duplicate === true)).toHaveLength(19);

      expect(await paymentsOf(paid.id)).toBe(1);
      const [webhook] = await platform.dataSource.query(`SELECT type, outcome FROM webhook_event WHERE provider_event_id = $1`, [event.id]);
      expect(webhook).toEqual({ type: 'checkout.session.completed', outcome: 'PAID' });
      expect(await view(paid.id)).toMatchObject({
        status: 'PAID',
        payments: [
          {
            id: expect.any(String),
            method: 'CARD',
            amountCents: 1_641_600,
            reference: event.data.object.payment_intent,
            receivedAt: new Date(created * 1000).toISOString(),
          },
        ],
      });

      const french = await platform.inbox.waitForMail(company.email, { subject: /Paiement reçu/ });
      expect(french.subject).toBe(`Paiement reçu — facture ${paid.number} — Palmares`);
      expect(spaces(french.text)).toContain(`paiement de 16 416,00 € (carte bancaire) pour la facture ${paid.number} de Énergie Verte SA`);
      const english = await platform.inbox.waitForMail(colleague.email, { subject: /Payment received/ });
      expect(english.subject).toBe(`Payment received — invoice ${paid.number} — Palmares`);
      expect(english.text).toContain('payment of €16,416.00 (card)');
      await sleep(500);
      expect(platform.inbox.to(company.email).filter((m) => m.subject.includes(paid.number))).toHaveLength(1);
      expect(platform.inbox.to(colleague.email).filter((m) => m.subject.includes(paid.number))).toHaveLength(1);
    });

    it('records one payment when 20 API processes take the same event at once (the database decides)', async () => {
      const invoice = await issue();
      const event = checkoutCompleted({ invoiceId: invoice.id, amountTotal: invoice.totalCents });
      const payments = platform.api.get(PaymentsService);
      // Past the per-process queue of receiveWebhook: 20 transactions race on the webhook_event row.
      const acks = await Promise.all(Array.from({ length: 20 }, () => payments.processVerifiedEvent(event as any)));
      expect(acks.filter((a) => a.outcome === 'PAID')).toHaveLength(1);
      expect(acks.filter((a) => a.duplicate)).toHaveLength(19);
      expect(await paymentsOf(invoice.id)).toBe(1);
      expect(await count('notification', 'dedupe_key LIKE $1', [`payment-received:${invoice.id}:%`])).toBe(2);
    });

    it('records one payment and flags the other when two different events pay one invoice at once', async () => {
      const invoice = await issue();
      const deliveries = [1, 2].map(() => sign(checkoutCompleted({ invoiceId: invoice.id, amountTotal: invoice.totalCents })));
      const responses = await Promise.all(deliveries.map(({ payload, signature }) => deliver(platform, payload, signature)));
      expect(responses.map((r) => r.body.outcome).sort()).toEqual(['FLAGGED', 'PAID']);
      expect(await paymentsOf(invoice.id)).toBe(1);
      const [flag] = await platform.dataSource.query(`SELECT reason FROM payment_flag WHERE invoice_id = $1`, [invoice.id]);
      expect(flag.reason).toBe('the invoice was already paid: this is a second payment');
    });

    it('confirms the paid entry inside the payment’s transaction', () => {
      // Inside, the new payment is visible; from another connection it is not yet (not committed).
      expect(seenByConfirmation.filter((s) => s.entryId === paid.entryId)).toEqual([{ entryId: paid.entryId, insideTx: 1, outsideTx: 0 }]);
    });

    it('rolls everything back when the entry cannot be confirmed, so the provider’s retry records the payment', async () => {
      const invoice = await issue();
      const event = checkoutCompleted({ invoiceId: invoice.id, amountTotal: invoice.totalCents });
      const { payload, signature } = sign(event);
      confirmationFailsFor.add(invoice.entryId!);
      const failed = await deliver(platform, payload, signature);
      expect(failed.status).toBe(500);
      expect(await paymentsOf(invoice.id)).toBe(0);
      expect(await count('webhook_event', 'provider_event_id = $1', [event.id])).toBe(0);
      expect(await count('notification', 'dedupe_key LIKE $1', [`payment-received:${invoice.id}:%`])).toBe(0);

      confirmationFailsFor.delete(invoice.entryId!);
      const retried = await deliver(platform, payload, signature);
      expect(retried).toEqual({ status: 200, body: { received: true, outcome: 'PAID' } });
      expect(await paymentsOf(invoice.id)).toBe(1);
    });

    it('refuses a missing, forged, tampered or stale signature with 400 and writes nothing', async () => {
      const invoice = await issue();
      const event = checkoutCompleted({ invoiceId: invoice.id, amountTotal: invoice.totalCents });
      const genuine = sign(event);
      const forged = sign(event, 'whsec_not_the_secret');
      const stale = sign(event, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 3600);
      const tampered = JSON.stringify({ ...event, data: { object: { ...event.data.object, amount_total: 1 } } });
      const cases: [string, string, string | undefined, RegExp][] = [
        ['no signature', genuine.payload, undefined, /the stripe-signature header is required/],
        ['another secret', forged.payload, forged.signature, /signature does not match/],
        ['a changed body', tampered, genuine.signature, /signature does not match/],
        ['an old signature', stale.payload, stale.signature, /signature does not match its body, or is too old/],
        ['garbage', genuine.payload, 'garbage', /signature does not match/],
      ];
      for (const [label, payload, signature, message] of cases) {
        const response = await deliver(platform, payload, signature);
        expect({ label, status: response.status }).toEqual({ label, status: 400 });
        expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(message), code: expect.any(String) });
      }
      expect(await count('webhook_event', 'provider_event_id = $1', [event.id])).toBe(0);
      expect(await paymentsOf(invoice.id)).toBe(0);
      expect(await count('payment_flag', 'provider_event_id = $1', [event.id])).toBe(0);
    });

    describe('a signed event of a shape the platform cannot use: 400 naming the field, nothing recorded', () => {
      const session = (invoice: Invoice) => checkoutCompleted({ invoiceId: invoice.id, amountTotal: invoice.totalCents });
      const cases: [string, (event: any) => unknown, RegExp][] = [
        ['no data', ({ data: _, ...event }) => event, /^the payment event cannot be used: data must be an object holding the event object$/],
        ['data.object null', (event) => ({ ...event, data: { object: null } }), /data\.object must be an object/],
        ['no id', ({ id: _, ...event }) => event, /id must be the event id/],
        ['created missing', ({ created: _, ...event }) => event, /created must be a whole number of seconds since 1970/],
        ['created beyond any date', (event) => ({ ...event, created: 1e13 }), /created must be a whole number of seconds since 1970/],
        [
          'amount_total a string',
          (event) => ({ ...event, data: { object: { ...event.data.object, amount_total: '1641600' } } }),
          /data\.object\.amount_total must be a whole number of cents/,
        ],
        [
          'amount_total with decimals',
          (event) => ({ ...event, data: { object: { ...event.data.object, amount_total: 16416.5 } } }),
          /data\.object\.amount_total must be a whole number of cents/,
        ],
        [
          'amount_total beyond what a flag can keep',
          (event) => ({ ...event, data: { object: { ...event.data.object, amount_total: 2 ** 31 } } }),
          /data\.object\.amount_total must be a whole number of cents from 0 to 2147483647/,
        ],
        ['amount_total null', (event) => ({ ...event, data: { object: { ...event.data.object, amount_total: null } } }), /data\.object\.amount_total/],
        [
          'payment_intent a number',
          (event) => ({ ...event, data: { object: { ...event.data.object, payment_intent: 12 } } }),
          /data\.object\.payment_intent must be an id or an object/,
        ],
        ['an array body', (event) => [event], /^the payment event cannot be used: the event must be a JSON object$/],
      ];
      it.each(cases)('%s', async (_label, reshape, message) => {
        const invoice = await issue();
        const event = session(invoice);
        const flagsBefore = await count('payment_flag', 'true', []);
        const eventsBefore = await count('webhook_event', 'true', []);
        const { payload, signature } = sign(reshape(event) as object);
        const response = await deliver(platform, payload, signature);
        expect(response).toEqual({
          status: 400,
          body: { statusCode: 400, error: 'Bad Request', message: expect.stringMatching(message), code: 'WEBHOOK_EVENT_INVALID' },
        });
        expect(await count('webhook_event', 'true', [])).toBe(eventsBefore);
        expect(await count('payment_flag', 'true', [])).toBe(flagsBefore);
        expect(await paymentsOf(invoice.id)).toBe(0);
      });
      it('an event of another type needs only the envelope', async () => {
        const { payload, signature } = sign({
          id: `evt_other_${Date.now()}`,
          type: 'customer.created',
          created: 1_800_000_000,
          data: { object: { id: 'cus_1' } },
        });
        expect(await deliver(platform, payload, signature)).toEqual({ status: 200, body: { received: true, outcome: 'IGNORED' } });
      });
    });

    it('refuses a wrong amount: no payment, a flag, an e-mail to the jury, the invoice still unpaid', async () => {
      const invoice = await issue();
      const event = checkoutCompleted({ invoiceId: invoice.id, amountTotal: invoice.totalCents - 100 });
      const { payload, signature } = sign(event);
      const response = await deliver(platform, payload, signature);
      expect(response).toEqual({ status: 200, body: { received: true, outcome: 'FLAGGED' } });
      expect(await paymentsOf(invoice.id)).toBe(0);
      expect((await view(invoice.id)).status).toBe('UNPAID');

      const flags = await platform.client.get('/api/payments/flags', jury.token);
      expect(flags.status).toBe(200);
      expect(flags.body.find((f: any) => f.providerEventId === event.id)).toEqual({
        id: expect.any(String),
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        providerEventId: event.id,
        amountCents: 1_641_500,
        expectedCents: 1_641_600,
        reason: 'the amount paid does not match the invoice total',
        createdAt: expect.any(String),
      });
      const mail = await platform.inbox.waitForMail(jury.email, { subject: new RegExp(invoice.number) });
      expect(mail.subject).toBe(`Paiement refusé à vérifier — facture ${invoice.number} — Palmares`);
      expect(spaces(mail.text)).toContain('le montant payé ne correspond pas au total de la facture');
      expect(spaces(mail.text)).toContain('Montant attendu : 16 416,00 €');
      expect(spaces(mail.text)).toContain('Montant reçu : 16 415,00 €');
      expect(mail.text).toContain(event.id);

      // The provider retries: still one flag, one e-mail.
      expect((await deliver(platform, payload, signature)).body).toEqual({ received: true, duplicate: true });
      expect(await count('payment_flag', 'provider_event_id = $1', [event.id])).toBe(1);
      await sleep(300);
      expect(platform.inbox.to(jury.email).filter((m) => m.subject.includes(invoice.number))).toHaveLength(1);
      // The company was told nothing and can still pay.
      expect(platform.inbox.to(company.email).filter((m) => m.subject.includes(invoice.number))).toHaveLength(0);
      expect((await platform.client.post(`/api/invoices/${invoice.id}/checkout`, {}, company.token)).status).toBe(503);
    });

    it('flags a payment naming no known invoice', async () => {
      for (const invoiceId of ['00000000-0000-4000-8000-000000000000', 'not-an-invoice', null]) {
        const event = checkoutCompleted({ invoiceId, amountTotal: 5000 });
        const { payload, signature } = sign(event);
        expect((await deliver(platform, payload, signature)).body).toEqual({ received: true, outcome: 'FLAGGED' });
        const [flag] = await platform.dataSource.query(
          `SELECT invoice_id, amount_cents, expected_cents, reason FROM payment_flag WHERE provider_event_id = $1`,
          [event.id],
        );
        expect(flag).toEqual({ invoice_id: null, amount_cents: 5000, expected_cents: null, reason: 'the payment names no known invoice' });
      }
      const mail = await platform.inbox.waitForMail(jury.email, { subject: /^Paiement refusé à vérifier — Palmares$/ });
      expect(mail.text).toContain('Facture : inconnue');
    });

    it('flags, and does not record, a second payment of an invoice already paid', async () => {
      const event = checkoutCompleted({ invoiceId: paid.id, amountTotal: paid.totalCents });
      const { payload, signature } = sign(event);
      expect((await deliver(platform, payload, signature)).body).toEqual({ received: true, outcome: 'FLAGGED' });
      expect(await paymentsOf(paid.id)).toBe(1);
      const [flag] = await platform.dataSource.query(`SELECT reason FROM payment_flag WHERE provider_event_id = $1`, [event.id]);
      expect(flag.reason).toBe('the invoice was already paid: this is a second payment');
    });

    it('flags a payment of an invoice cancelled by a credit note', async () => {
      const invoice = await issue();
      await platform.dataSource.transaction((tx) => billing.issueCreditNote(tx, invoice.id, 'Retrait'));
      const { payload, signature } = sign(checkoutCompleted({ invoiceId: invoice.id, amountTotal: invoice.totalCents }));
      expect((await deliver(platform, payload, signature)).body).toEqual({ received: true, outcome: 'FLAGGED' });
      expect(await paymentsOf(invoice.id)).toBe(0);
    });

    it('acknowledges and ignores other events and sessions not paid yet', async () => {
      const invoice = await issue();
      for (const event of [
        checkoutCompleted({ invoiceId: invoice.id, amountTotal: invoice.totalCents, type: 'payment_intent.created' }),
        checkoutCompleted({ invoiceId: invoice.id, amountTotal: invoice.totalCents, paymentStatus: 'unpaid' }),
      ]) {
        const { payload, signature } = sign(event);
        expect(await deliver(platform, payload, signature)).toEqual({ status: 200, body: { received: true, outcome: 'IGNORED' } });
      }
      expect(await paymentsOf(invoice.id)).toBe(0);
      // A delayed payment method settles the invoice with its own event.
      const { payload, signature } = sign(
        checkoutCompleted({ invoiceId: invoice.id, amountTotal: invoice.totalCents, type: 'checkout.session.async_payment_succeeded' }),
      );
      expect((await deliver(platform, payload, signature)).body).toEqual({ received: true, outcome: 'PAID' });
    });
  });

  describe('card checkout', () => {
    it('answers 503 naming the setting when no payment provider is configured', async () => {
      const invoice = await issue();
      const response = await platform.client.post(`/api/invoices/${invoice.id}/checkout`, {}, company.token);
      expect(response.status).toBe(503);
      expect(response.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'card payment is not configured: set STRIPE_SECRET_KEY',
        code: 'PAYMENTS_NOT_CONFIGURED',
      });
    });

    it('refuses an invoice that is paid, credited, a credit note, or another company’s', async () => {
      const paidInvoice = await issue();
      await platform.client.post(
        `/api/invoices/${paidInvoice.id}/bank-transfers`,
        { amountCents: paidInvoice.totalCents, reference: 'VIR-1', receivedAt: new Date().toISOString() },
        jury.token,
      );
      const credited = await issue();
      const note = await platform.dataSource.transaction((tx) => billing.issueCreditNote(tx, credited.id, 'Retrait'));
      const cases: [string, string, number, RegExp][] = [
        ['paid', paidInvoice.id, 409, new RegExp(`invoice ${paidInvoice.number} is already paid`)],
        ['credited', credited.id, 409, new RegExp(`invoice ${credited.number} is cancelled by credit note ${note.number}`)],
        ['a credit note', note.id, 400, new RegExp(`${note.number} is a credit note: there is nothing to pay`)],
      ];
      for (const [label, id, status, message] of cases) {
        const response = await platform.client.post(`/api/invoices/${id}/checkout`, {}, company.token);
        expect({ label, status: response.status, message: response.body.message }).toEqual({ label, status, message: expect.stringMatching(message) });
      }
      expect((await platform.client.post(`/api/invoices/${paidInvoice.id}/checkout`, {}, other.token)).status).toBe(404);
      expect((await platform.client.post(`/api/invoices/${paidInvoice.id}/checkout`, {}, jury.token)).status).toBe(403);
    });
  });

  describe('bank transfers', () => {
    const transfer = (invoiceId: string, body: Record<string, unknown>, token = jury.token) =>
      platform.client.post(`/api/invoices/${invoiceId}/bank-transfers`, body, token);
    const yesterday = () => new Date(Date.now() - 24 * 3600 * 1000).toISOString();

    it('records a transfer: the invoice is paid, the action audited, the company told', async () => {
      const invoice = await issue();
      const receivedAt = yesterday();
      const response = await transfer(invoice.id, { amountCents: 1_641_600, reference: '  VIR SEPA 2027-0042 ENERGIE VERTE  ', receivedAt });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        id: invoice.id,
        status: 'PAID',
        payments: [{ method: 'BANK_TRANSFER', amountCents: 1_641_600, reference: 'VIR SEPA 2027-0042 ENERGIE VERTE', receivedAt }],
      });
      const [payment] = await platform.dataSource.query(`SELECT recorded_by, provider_event_id FROM payment WHERE invoice_id = $1`, [invoice.id]);
      expect(payment).toEqual({ recorded_by: jury.id, provider_event_id: null });
      const [entry] = await platform.dataSource.query(`SELECT actor_id, action, details FROM audit_log WHERE subject_type = 'invoice' AND subject_id = $1`, [
        invoice.id,
      ]);
      expect(entry).toMatchObject({
        actor_id: jury.id,
        action: 'payment.bank-transfer-recorded',
        details: { invoiceNumber: invoice.number, amountCents: 1_641_600, reference: 'VIR SEPA 2027-0042 ENERGIE VERTE' },
      });
      expect(seenByConfirmation.filter((s) => s.entryId === invoice.entryId)).toEqual([{ entryId: invoice.entryId, insideTx: 1, outsideTx: 0 }]);
      const mail = await platform.inbox.waitForMail(company.email, { subject: new RegExp(invoice.number) });
      expect(mail.text).toContain('(virement bancaire)');
      const english = await platform.inbox.waitForMail(colleague.email, { subject: new RegExp(invoice.number) });
      expect(english.text).toContain('(bank transfer)');
    });

    it('records one of two transfers posted at once for the same invoice', async () => {
      const invoice = await issue();
      const body = { amountCents: invoice.totalCents, reference: 'VIR-TWICE', receivedAt: yesterday() };
      const responses = await Promise.all([transfer(invoice.id, body), transfer(invoice.id, body)]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await paymentsOf(invoice.id)).toBe(1);
    });

    it('refuses bad transfers with a 4xx naming the rule, and records nothing', async () => {
      const invoice = await issue();
      const paidInvoice = await issue();
      expect((await transfer(paidInvoice.id, { amountCents: paidInvoice.totalCents, reference: 'VIR-OK', receivedAt: yesterday() })).status).toBe(201);
      const credited = await issue();
      const note = await platform.dataSource.transaction((tx) => billing.issueCreditNote(tx, credited.id, 'Retrait'));
      const good = { amountCents: invoice.totalCents, reference: 'VIR-42', receivedAt: yesterday() };
      const cases: [string, string, Record<string, unknown>, number, RegExp, string?][] = [
        [
          'a wrong amount',
          invoice.id,
          { ...good, amountCents: 1_368_000 },
          400,
          new RegExp(`amountCents must equal the invoice total: invoice ${invoice.number} is 1641600 cents`),
        ],
        [
          'a date in the future',
          invoice.id,
          { ...good, receivedAt: new Date(Date.now() + 24 * 3600 * 1000).toISOString() },
          400,
          /receivedAt must not be in the future/,
        ],
        ['an invoice already paid', paidInvoice.id, good, 409, new RegExp(`invoice ${paidInvoice.number} is already paid`)],
        ['a credited invoice', credited.id, { ...good, amountCents: credited.totalCents }, 409, /is cancelled by credit note/],
        ['a credit note', note.id, good, 400, /is a credit note: there is nothing to pay/],
        ['a zero amount', invoice.id, { ...good, amountCents: 0 }, 400, /amountCents must be greater than 0/],
        ['a fractional amount', invoice.id, { ...good, amountCents: 1_641_600.5 }, 400, /amountCents must be an integer number of cents/],
        ['an empty reference', invoice.id, { ...good, reference: '   ' }, 400, /reference must be 1 to 100 characters long/],
        ['a long reference', invoice.id, { ...good, reference: 'R'.repeat(101) }, 400, /reference must be 1 to 100 characters long/],
        ['a date that is not ISO-8601', invoice.id, { ...good, receivedAt: 'yesterday' }, 400, /receivedAt must be an ISO-8601 date/],
        ['missing fields', invoice.id, {}, 400, /amountCents.*reference.*receivedAt/],
        ['an unknown field', invoice.id, { ...good, method: 'CASH' }, 400, /property method should not exist/],
        ['an unknown invoice', '00000000-0000-4000-8000-000000000000', good, 404, /invoice 00000000-0000-4000-8000-000000000000 does not exist/],
        ['a malformed id', 'abc', good, 404, /invoice abc does not exist/],
        ['a company user', invoice.id, good, 403, /this route is for JURY users only/, company.token],
      ];
      for (const [label, id, body, status, message, token] of cases) {
        const response = await transfer(id, body, token);
        expect({ label, status: response.status, message: response.body.message }).toEqual({ label, status, message: expect.stringMatching(message) });
      }
      expect(await paymentsOf(invoice.id)).toBe(0);
      expect(await paymentsOf(paidInvoice.id)).toBe(1);
      expect(await paymentsOf(credited.id)).toBe(0);
      expect((await view(invoice.id)).status).toBe('UNPAID');
      expect((await transfer(invoice.id, good)).status).toBe(201);
    });

    it('keeps the flags for the jury only', async () => {
      expect((await platform.client.get('/api/payments/flags', company.token)).status).toBe(403);
      expect((await platform.client.get('/api/payments/flags')).status).toBe(401);
    });
  });
});
