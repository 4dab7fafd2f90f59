import { TestPlatform } from './support/platform';
import { contactPoints, createCategory, createEdition, juryToken, openEdition, quickCompanies } from './support/season';

describe('portal billing: the checkout stand-in and bank transfer instructions', () => {
  let platform: TestPlatform;
  let jury: string;
  let categoryId: string;

  beforeAll(async () => {
    delete process.env.PAYMENT_PROVIDER; // the default outside production without a Stripe key: the stand-in
    delete process.env.STRIPE_SECRET_KEY;
    platform = await TestPlatform.start();
    jury = await juryToken(platform);
    const edition = await createEdition(platform, jury);
    categoryId = (await createCategory(platform, jury, edition.id)).id;
    await openEdition(platform, jury, edition.id);
  });
  afterAll(async () => {
    await platform.close();
  });

  async function registeredEntry() {
    const [company] = await quickCompanies(platform, 1);
    const entry = await platform.client.post('/api/entries', { categoryId, contactPoints }, company.token);
    expect(entry.status).toBe(201);
    return { company, entry: entry.body, invoice: entry.body.invoice };
  }
  /** The stand-in page's path on this test's API (PUBLIC_URL names the portal's public address). */
  const standinPath = (url: string) => url.replace('http://palmares.test', '');
  const page = (path: string, headers: Record<string, string> = {}) => platform.client.request('GET', path, { headers });
  const submit = (path: string) =>
    fetch(platform.client.baseUrl + path, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });

  it('opens the stand-in page with the amount, Pay and Cancel, in French or English', async () => {
    const { company, invoice, entry } = await registeredEntry();
    const checkout = await platform.client.post(`/api/invoices/${invoice.id}/checkout`, {}, company.token);
    expect(checkout.status).toBe(201);
    expect(checkout.body.url).toMatch(/^http:\/\/palmares\.test\/checkout\/standin\/cs_standin_[0-9a-f]{32}_\d+_[\w-]{22}$/);

    const fr = await page(standinPath(checkout.body.url));
    expect(fr.status).toBe(200);
    expect(fr.headers['content-type']).toMatch(/text\/html/);
    expect(fr.headers['cache-control']).toBe('no-store');
    expect(fr.body).toContain('<html lang="fr">');
    expect(fr.body).toMatch(/16\s416,00\s€/);
    expect(fr.body).toContain(invoice.number);
    expect(fr.body).toContain('>Payer</button>');
    expect(fr.body).toContain(`action="http://palmares.test/entries/${entry.id}"`);

    const en = await page(standinPath(checkout.body.url), { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('>Pay</button>');
    expect(en.body).toContain('€16,416.00');
  });

  it('paying sends the signed webhook: the invoice is paid, the entry confirmed, and the payer sent back to the entry', async () => {
    const { company, invoice, entry } = await registeredEntry();
    const { url } = (await platform.client.post(`/api/invoices/${invoice.id}/checkout`, {}, company.token)).body;
    const paid = await submit(`${standinPath(url)}/pay`);
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://palmares.test/entries/${entry.id}?paid=1`);

    const after = await platform.client.get(`/api/invoices/${invoice.id}`, company.token);
    expect(after.body).toMatchObject({ status: 'PAID', transfer: null, payments: [{ method: 'CARD', amountCents: invoice.totalCents }] });
    expect((await platform.client.get(`/api/entries/${entry.id}`, company.token)).body.status).toBe('CONFIRMED');
    const [event] = await platform.dataSource.query(`SELECT outcome FROM webhook_event WHERE provider_event_id LIKE 'evt_%' ORDER BY received_at DESC LIMIT 1`);
    expect(event.outcome).toBe('PAID');

    const { timeline } = (await platform.client.get(`/api/entries/${entry.id}`, company.token)).body;
    expect(timeline.map((s: { status: string }) => s.status)).toEqual(['REGISTERED', 'PAID', 'CONFIRMED']);
    expect(timeline.every((s: { at: string }) => !Number.isNaN(Date.parse(s.at)))).toBe(true);

    // Pressing Pay again is the same event: one payment, no flag.
    expect((await submit(`${standinPath(url)}/pay`)).status).toBe(303);
    const [counts] = await platform.dataSource.query(
      `SELECT (SELECT count(*)::int FROM payment WHERE invoice_id = $1) AS payments, (SELECT count(*)::int FROM payment_flag WHERE invoice_id = $1) AS flags`,
      [invoice.id],
    );
    expect(counts).toEqual({ payments: 1, flags: 0 });
    // An invoice paid has no checkout any more.
    expect((await platform.client.post(`/api/invoices/${invoice.id}/checkout`, {}, company.token)).status).toBe(409);
  });

  it('refuses a session it did not open, or one altered, with 404 and records nothing', async () => {
    const { company, invoice } = await registeredEntry();
    const { url } = (await platform.client.post(`/api/invoices/${invoice.id}/checkout`, {}, company.token)).body;
    const path = standinPath(url);
    const cheaper = path.replace(`_${invoice.totalCents}_`, '_100_'); // the amount is signed: paying less names no session
    expect(cheaper).not.toBe(path);
    for (const bad of ['/checkout/standin/cs_standin_nothing', '/checkout/standin/whatever', cheaper]) {
      const response = await page(bad);
      expect(response.status).toBe(404);
      expect(response.body.message).toMatch(/checkout session does not exist/);
      expect((await submit(`${bad}/pay`)).status).toBe(404);
    }
    expect((await platform.client.get(`/api/invoices/${invoice.id}`, company.token)).body.status).toBe('UNPAID');
  });

  it('shows bank transfer instructions with the invoice number as reference while the invoice is unpaid', async () => {
    const { company, invoice } = await registeredEntry();
    const unpaid = await platform.client.get(`/api/invoices/${invoice.id}`, company.token);
    expect(unpaid.body.transfer).toEqual({
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      bic: 'AGRIFRPPXXX',
      beneficiary: 'Palmares SAS',
      reference: invoice.number,
    });
    await platform.client.post(
      `/api/invoices/${invoice.id}/bank-transfers`,
      { amountCents: invoice.totalCents, reference: 'VIR-STANDIN', receivedAt: new Date().toISOString() },
      jury,
    );
    expect((await platform.client.get(`/api/invoices/${invoice.id}`, company.token)).body.transfer).toBeNull();
  });

  it('the timeline of a withdrawn entry ends with its withdrawal', async () => {
    const { company, entry } = await registeredEntry();
    expect((await platform.client.post(`/api/entries/${entry.id}/withdraw`, {}, company.token)).status).toBe(200);
    const { timeline } = (await platform.client.get(`/api/entries/${entry.id}`, company.token)).body;
    expect(timeline.map((s: { status: string }) => s.status)).toEqual(['REGISTERED', 'WITHDRAWN']);
  });
});
