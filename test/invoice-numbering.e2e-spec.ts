import { EntryFees, LEFTOVER_AGE_MS } from '@app/billing';
import { QueueReconciler } from '../apps/worker/src/recovery/queue-reconciler';
import { waitFor } from '@app/simulation';
import { TestPlatform } from './support/platform';
import { contactPoints, createCategory, createEdition, juryToken, openEdition, quickCompanies } from './support/season';

/**
 * Invoice numbers given out in batches (docs/rules.md, "Numbering"): under concurrency, across API processes,
 * and for an invoice a crash left unnumbered between its registration's commit and its edition's numbering.
 */
describe('billing: batched invoice numbering', () => {
  let platform: TestPlatform;
  let second: TestPlatform;
  let jury: string;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    second = await TestPlatform.start({ worker: false });
    jury = await juryToken(platform);
  });
  afterAll(async () => {
    await second?.close();
    await platform?.close();
  });

  async function openSeason() {
    const edition = await createEdition(platform, jury);
    const category = await createCategory(platform, jury, edition.id);
    await openEdition(platform, jury, edition.id);
    return { edition, category };
  }
  const numberOf = (year: number, sequence: number) => `${year}-${String(sequence).padStart(6, '0')}`;
  const invoicesOf = (editionId: string): Promise<{ sequence: number; number: string; issued_at: Date; entry_id: string; kind: string }[]> =>
    platform.dataSource.query(`SELECT sequence, number, issued_at, entry_id, kind FROM invoice WHERE edition_id = $1 ORDER BY sequence`, [editionId]);
  const waiting = async (editionId: string) =>
    (await platform.dataSource.query(`SELECT count(*)::int AS n FROM unnumbered_invoice WHERE edition_id = $1`, [editionId]))[0].n;

  /** An entry and its invoice committed, then the process dies before the numbering: what a crash there leaves. */
  async function registerWithoutNumbering(company: { id: string; userId: string }, categoryId: string, crashedAgoMs = LEFTOVER_AGE_MS) {
    const user = { id: company.userId, role: 'COMPANY', companyId: company.id } as never;
    const { entry, queued } = await platform.api.get(EntryFees).queueEntry(user, { categoryId, contactPoints });
    // Queued `crashedAgoMs` ago: by default the leftover age, the crash was a while ago.
    const [[row]] = await platform.dataSource.query(
      `UPDATE unnumbered_invoice SET queued_at = queued_at - $2 * interval '1 millisecond' WHERE id = $1 RETURNING queued_at`,
      [queued.id, crashedAgoMs],
    );
    return { entry, invoice: { ...queued, queuedAt: row.queued_at as Date } };
  }

  it('numbers 100 entries registered at once through two API processes 1 to 100, each once, in issue-time order, each e-mailed', async () => {
    const { edition, category } = await openSeason();
    const companies = await quickCompanies(platform, 100);
    const responses = await Promise.all(
      companies.map((c, i) => (i % 2 ? second : platform).client.post('/api/entries', { categoryId: category.id, contactPoints }, c.token)),
    );
    expect(responses.filter((r) => r.status !== 201).map((r) => [r.status, r.body.message])).toEqual([]);

    const expected = Array.from({ length: 100 }, (_, i) => numberOf(edition.year, i + 1));
    expect(responses.map((r) => r.body.invoice.number as string).sort()).toEqual(expected); // gapless and unique, as answered
    const rows = await invoicesOf(edition.id);
    expect(rows.map((r) => r.number)).toEqual(expected);
    // Chronological: a later number never carries an earlier issue date.
    for (let i = 1; i < rows.length; i++) expect(rows[i].issued_at.getTime()).toBeGreaterThanOrEqual(rows[i - 1].issued_at.getTime());
    expect(new Set(rows.map((r) => r.entry_id)).size).toBe(100);
    expect(await waiting(edition.id)).toBe(0);

    const mails: { n: number; numbers: number }[] = await platform.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT data->>'invoiceNumber')::int AS numbers FROM notification
        WHERE template = 'entry-registered' AND dedupe_key LIKE 'entry-registered:%' AND recipient = ANY($1)`,
      [companies.map((c) => c.email.toLowerCase())],
    );
    expect(mails[0]).toEqual({ n: 100, numbers: 100 });
  });

  it('a crash between the registration and its numbering: the reconciler numbers the invoice next in line and e-mails it', async () => {
    const { edition, category } = await openSeason();
    const [first, crashed, later] = await quickCompanies(platform, 3);
    expect((await platform.client.post('/api/entries', { categoryId: category.id, contactPoints }, first.token)).status).toBe(201);
    const left = await registerWithoutNumbering(crashed, category.id);
    expect(await waiting(edition.id)).toBe(1);
    expect((await platform.client.get(`/api/entries/${left.entry.id}`, crashed.token)).body.invoice).toBeNull(); // not issued yet

    // The worker's reconciler, on its timer or at this pass (one already under way makes this one return at once).
    const reconciler = platform.worker!.get(QueueReconciler);
    await waitFor(async () => (await reconciler.pass(), (await waiting(edition.id)) === 0), 30_000, 'the reconciler numbering the leftover');
    const rows = await invoicesOf(edition.id);
    expect(rows.map((r) => [r.number, r.entry_id])).toEqual([
      [numberOf(edition.year, 1), expect.any(String)],
      [numberOf(edition.year, 2), left.entry.id],
    ]);
    expect(rows[1].issued_at.getTime()).toBeGreaterThanOrEqual(left.invoice.queuedAt.getTime()); // issued when numbered
    const mail = await platform.inbox.waitForMail(crashed.email, { subject: /Inscription enregistrée/ });
    expect(mail.text).toContain(numberOf(edition.year, 2));
    expect((await platform.client.get(`/api/entries/${left.entry.id}`, crashed.token)).body.invoice.number).toBe(numberOf(edition.year, 2));

    // Numbering goes on after it, and a second pass finds nothing left.
    const next = await second.client.post('/api/entries', { categoryId: category.id, contactPoints }, later.token);
    expect(next.body.invoice.number).toBe(numberOf(edition.year, 3));
    expect(await platform.worker!.get(EntryFees).issueLeftovers()).toBe(0);
  });

  it('the reconciler leaves an invoice queued a moment ago to the registration that queued it', async () => {
    const { edition, category } = await openSeason();
    const [company] = await quickCompanies(platform, 1);
    await registerWithoutNumbering(company, category.id, 0);
    expect(await platform.worker!.get(EntryFees).issueLeftovers()).toBe(0);
    expect(await waiting(edition.id)).toBe(1);
  });

  it('an invoice still unnumbered when its entry is withdrawn is numbered first, then credited', async () => {
    const { edition, category } = await openSeason();
    const [company] = await quickCompanies(platform, 1);
    const left = await registerWithoutNumbering(company, category.id);
    const withdrawn = await platform.client.post(`/api/entries/${left.entry.id}/withdraw`, {}, company.token);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.invoice).toMatchObject({ number: numberOf(edition.year, 1), status: 'CREDITED' });
    expect((await invoicesOf(edition.id)).map((r) => [r.sequence, r.kind])).toEqual([
      [1, 'INVOICE'],
      [2, 'CREDIT_NOTE'],
    ]);
  });
});
