import { TestPlatform } from './support/platform';
import type { QuickShopper } from './support/shoppers';
import { GOOD, scoredEdition, scoreOf, WEAK, type Company } from './support/scored-edition';
import { sleep, waitFor } from '@app/simulation';

describe('publication: freeze, publish, winners, private reports and outcome e-mails', () => {
  let platform: TestPlatform;
  let jury: string;
  let editionId: string;
  let editionYear: number;
  let shopper: QuickShopper;
  let winner: Company;
  let runnerUp: Company;
  let thin: Company;
  const entries: Record<string, string> = {};
  let firstDigest: string;

  const sql = (text: string, params: unknown[] = []) => platform.dataSource.query(text, params);

  let approved: Awaited<ReturnType<typeof scoredEdition>>['approved'];
  let reachPublicationDate: () => Promise<void>;

  const resultMails = (email: string) => platform.inbox.to(email).filter((m) => /R[ée]sultats/i.test(m.subject));

  beforeAll(async () => {
    platform = await TestPlatform.start();
    const season = await scoredEdition(platform);
    ({ jury, editionId, editionYear, shopper, winner, runnerUp, thin, approved, reachPublicationDate } = season);
    Object.assign(entries, season.entries);
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('a company user may not freeze or publish (403), nor a shopper read a report', async () => {
    expect((await platform.client.post(`/api/editions/${editionId}/results/freeze`, {}, winner.token)).status).toBe(403);
    expect((await platform.client.post(`/api/editions/${editionId}/results/publish`, {}, winner.token)).status).toBe(403);
    expect((await platform.client.get(`/api/entries/${entries[winner.id]}/report`, shopper.token)).status).toBe(403);
  });

  it('freezing needs the edition in SCORING (409 naming the status)', async () => {
    const response = await platform.client.post(`/api/editions/${editionId}/results/freeze`, {}, jury);
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/OPEN/);
    await sql(`UPDATE edition SET status = 'SCORING' WHERE id = $1`, [editionId]);
  });

  it('before publication no company sees any figure: report, PDF and winners are 404', async () => {
    const frozen = await platform.client.post(`/api/editions/${editionId}/results/freeze`, {}, jury);
    expect(frozen.status).toBe(201);
    expect(frozen.body).toMatchObject({ version: 1, reason: null });
    expect(frozen.body.digest).toMatch(/^[0-9a-f]{64}$/);
    firstDigest = frozen.body.digest;
    for (const company of [winner, runnerUp, thin]) {
      expect((await platform.client.get(`/api/entries/${entries[company.id]}/report`, company.token)).status).toBe(404);
      expect((await platform.client.get(`/api/entries/${entries[company.id]}/report/pdf`, company.token)).status).toBe(404);
    }
    const winners = await platform.client.get(`/api/editions/${editionId}/winners`);
    expect(winners.status).toBe(404);
    expect(JSON.stringify(winners.body)).not.toContain(winner.name);
    // The jury may read the frozen, not yet published figures.
    const provisional = await platform.client.get(`/api/entries/${entries[winner.id]}/report`, jury);
    expect(provisional.status).toBe(200);
    expect(provisional.body).toMatchObject({ published: false, version: 1 });
    const editionRow = (await sql(`SELECT results_frozen_at FROM edition WHERE id = $1`, [editionId]))[0];
    expect(editionRow.results_frozen_at).not.toBeNull();
    const auditRows = await sql(`SELECT actor_id, details FROM audit_log WHERE subject_id = $1 AND action = 'results.freeze'`, [editionId]);
    expect(auditRows[0].details).toMatchObject({ version: 1, digest: firstDigest });
  });

  it('reproducibility: freezing again without changes gives the same digest and figures, as a new version', async () => {
    const again = await platform.client.post(`/api/editions/${editionId}/results/freeze`, {}, jury);
    expect(again.status).toBe(201);
    expect(again.body.version).toBe(2);
    expect(again.body.digest).toBe(firstDigest);
    const [v1, v2] = await Promise.all([1, 2].map((v) => platform.client.get(`/api/editions/${editionId}/results/${v}`, jury)));
    expect(v2.body.figures.categories).toEqual(v1.body.figures.categories);
  });

  it('publishing before resultsPublishAt is refused (409) and changes nothing', async () => {
    const early = await platform.client.post(`/api/editions/${editionId}/results/publish`, {}, jury);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/results may be published from \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d \(Europe\/Paris\)/);
    const versions = await platform.client.get(`/api/editions/${editionId}/results`, jury);
    expect(versions.body.every((v: { publishedAt: string | null }) => v.publishedAt === null)).toBe(true);
    await reachPublicationDate();
  });

  it('publishes the latest frozen version once: edition PUBLISHED, entries RANKED, one e-mail per user, licence invoice for the winner', async () => {
    const published = await platform.client.post(`/api/editions/${editionId}/results/publish`, {}, jury);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ version: 2, correction: false });
    const twice = await platform.client.post(`/api/editions/${editionId}/results/publish`, {}, jury);
    expect(twice.status).toBe(409);

    expect((await sql(`SELECT status FROM edition WHERE id = $1`, [editionId]))[0].status).toBe('PUBLISHED');
    const statuses = await sql(`SELECT status FROM entry WHERE id = ANY($1)`, [Object.values(entries)]);
    expect(statuses.map((r: { status: string }) => r.status)).toEqual(['RANKED', 'RANKED', 'RANKED']);

    const licences = await sql(`SELECT number, amount_excl_vat_cents, purpose FROM invoice WHERE entry_id = $1 AND purpose = 'LICENCE'`, [entries[winner.id]]);
    expect(licences).toHaveLength(1);
    expect(licences[0].amount_excl_vat_cents).toBe(2_160_000);
    expect(await sql(`SELECT 1 FROM invoice WHERE entry_id = ANY($1) AND purpose = 'LICENCE'`, [[entries[runnerUp.id], entries[thin.id]]])).toHaveLength(0);

    await platform.inbox.waitForMail(winner.email, { subject: /R[ée]sultats/ });
    await platform.inbox.waitForMail(runnerUp.email, { subject: /R[ée]sultats/ });
    await platform.inbox.waitForMail(thin.email, { subject: /R[ée]sultats/ });
    await sleep(1500);
    for (const company of [winner, runnerUp, thin]) expect(resultMails(company.email)).toHaveLength(1);
    const [toWinner] = resultMails(winner.email);
    expect(toWinner.text).toMatch(/lauréate du titre \(rang 1 sur 2\)/);
    expect(toWinner.text).toContain(`/entries/${entries[winner.id]}/report`);
    expect(toWinner.attachments.map((a) => a.filename)).toEqual([`facture-${licences[0].number}.pdf`]);
    expect(resultMails(runnerUp.email)[0].text).toMatch(/rang 2 sur 2/);
    expect(resultMails(thin.email)[0].text).toMatch(/données insuffisantes/);
    expect(resultMails(runnerUp.email)[0].attachments).toHaveLength(0);
  });

  it('the public winners list names the winner with its score, and no non-winner', async () => {
    const response = await platform.client.get(`/api/editions/${editionId}/winners`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ editionYear, version: 2, correctedFrom: null });
    const [category] = response.body.categories;
    expect(category).toMatchObject({ outcome: 'WINNER', entrants: 3, winners: [{ companyName: winner.name, score: 20, marginOfError: 0 }] });
    const json = JSON.stringify(response.body);
    expect(json).not.toContain(runnerUp.name);
    expect(json).not.toContain(thin.name);
  });

  it('each company reads its own report (JSON and PDF); another company’s is a 404', async () => {
    const own = await platform.client.get(`/api/entries/${entries[winner.id]}/report`, winner.token);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      entryId: entries[winner.id],
      editionYear,
      rank: 1,
      of: 2,
      score: 20,
      winner: true,
      eligible: true,
      version: 2,
      published: true,
      channelScores: { PHONE: 20, EMAIL: 20 },
    });
    // (20 + 15.3846) / 2 = 17.69 rounded, whether or not the thin entry counts in the average it is a number.
    expect(typeof own.body.categoryAverage).toBe('number');
    const second = await platform.client.get(`/api/entries/${entries[runnerUp.id]}/report`, runnerUp.token);
    expect(second.body).toMatchObject({ rank: 2, of: 2, score: 15.38, winner: false });
    const insufficient = await platform.client.get(`/api/entries/${entries[thin.id]}/report`, thin.token);
    expect(insufficient.body).toMatchObject({ rank: null, eligible: false, winner: false, insufficientChannels: ['EMAIL'] });

    expect((await platform.client.get(`/api/entries/${entries[winner.id]}/report`, runnerUp.token)).status).toBe(404);
    expect((await platform.client.get(`/api/entries/${entries[winner.id]}/report/pdf`, runnerUp.token)).status).toBe(404);

    const pdf = await platform.client.get(`/api/entries/${entries[winner.id]}/report/pdf`, winner.token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toContain(`rapport-${editionYear}-`);
    expect((pdf.body as Buffer).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('a correction needs a reason, makes a new version with its own digest, keeps both readable and tells entrants once', async () => {
    const noReason = await platform.client.post(`/api/editions/${editionId}/results/freeze`, {}, jury);
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toMatch(/reason/);

    // One more approved evaluation for the runner-up (WEAK): the inputs change, so does the digest.
    await approved(runnerUp, 'PHONE', WEAK);
    const corrected = await platform.client.post(`/api/editions/${editionId}/results/freeze`, { reason: 'une évaluation approuvée avait été omise' }, jury);
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ version: 3, reason: 'une évaluation approuvée avait été omise' });
    expect(corrected.body.digest).not.toBe(firstDigest);

    // Until the correction is published, the public still sees version 2.
    expect((await platform.client.get(`/api/editions/${editionId}/winners`)).body.version).toBe(2);
    // Two publications at once: one publishes, the other is refused, and one set of e-mails goes out.
    const both = await Promise.all([1, 2].map(() => platform.client.post(`/api/editions/${editionId}/results/publish`, {}, jury)));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 200)!.body).toMatchObject({ version: 3, correction: true });

    const versions = await platform.client.get(`/api/editions/${editionId}/results`, jury);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);
    expect(versions.body.filter((v: { publishedAt: string | null }) => v.publishedAt).map((v: { version: number }) => v.version)).toEqual([2, 3]);
    const v2 = await platform.client.get(`/api/editions/${editionId}/results/2`, jury);
    const v3 = await platform.client.get(`/api/editions/${editionId}/results/3`, jury);
    expect(v2.status).toBe(200);
    expect(v3.status).toBe(200);
    const runnerUpScore = (v: typeof v2) =>
      v.body.figures.categories[0].rows.find((r: { entryId: string }) => r.entryId === entries[runnerUp.id]).score as number;
    expect(runnerUpScore(v2)).toBeCloseTo(scoreOf(GOOD), 4);
    expect(runnerUpScore(v3)).not.toBeCloseTo(runnerUpScore(v2), 4);

    const winners = await platform.client.get(`/api/editions/${editionId}/winners`);
    expect(winners.body).toMatchObject({ version: 3, correctedFrom: { version: 2, reason: 'une évaluation approuvée avait été omise' } });
    expect(JSON.stringify(winners.body)).not.toContain(runnerUp.name);
    expect((await platform.client.get(`/api/entries/${entries[runnerUp.id]}/report`, runnerUp.token)).body.version).toBe(3);

    await platform.inbox.waitForMail(runnerUp.email, { subject: /corrig/ });
    await waitFor(() => resultMails(winner.email).length >= 2 && resultMails(thin.email).length >= 2, 15_000, 'correction mails');
    await sleep(1000);
    for (const company of [winner, runnerUp, thin]) expect(resultMails(company.email)).toHaveLength(2);
    // Still one licence invoice for the winner.
    expect(await sql(`SELECT 1 FROM invoice WHERE entry_id = $1 AND purpose = 'LICENCE'`, [entries[winner.id]])).toHaveLength(1);
    // The published version is immutable in the database.
    await expect(sql(`UPDATE results_version SET reason = 'x' WHERE edition_id = $1 AND version = 2`, [editionId])).rejects.toThrow(/published/);
  });

  it('concurrent freezes each make their own version, numbered one after the other', async () => {
    const both = await Promise.all(
      ['contrôle A', 'contrôle B'].map((reason) => platform.client.post(`/api/editions/${editionId}/results/freeze`, { reason }, jury)),
    );
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    expect(both.map((r) => r.body.version).sort()).toEqual([4, 5]);
    expect(both[0].body.digest).toBe(both[1].body.digest);
    // Frozen, not published: the public still sees version 3.
    expect((await platform.client.get(`/api/editions/${editionId}/winners`)).body.version).toBe(3);
  });
});
