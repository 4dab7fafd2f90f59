import { unzipSync, strFromU8 } from 'fflate';
import { TestPlatform } from './support/platform';
import { publishedEdition } from './support/scored-edition';
import { pdfText } from './support/billing';

describe('after publication: the report with labels and averages, the logo licence, kit and verification code', () => {
  let platform: TestPlatform;
  let season: Awaited<ReturnType<typeof publishedEdition>>;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    season = await publishedEdition(platform);
  });
  afterAll(async () => {
    await platform.close();
  });

  const entryOf = (company: { id: string }) => season.entries[company.id];
  const download = (path: string, token: string) =>
    fetch(platform.client.baseUrl + path, { headers: { authorization: `Bearer ${token}` } }).then(async (r) => ({
      status: r.status,
      type: r.headers.get('content-type'),
      disposition: r.headers.get('content-disposition'),
      bytes: Buffer.from(await r.arrayBuffer()),
    }));

  it('the winner sees its unpaid licence invoice and a stable verification code; the kit waits for the payment (409)', async () => {
    const path = `/api/entries/${entryOf(season.winner)}/licence`;
    const licence = await platform.client.get(path, season.winner.token);
    expect(licence.status).toBe(200);
    expect(licence.body).toMatchObject({ status: 'UNPAID', validUntil: null, invoice: { purpose: 'LICENCE', status: 'UNPAID' } });
    expect(licence.body.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(licence.body.verificationUrl).toBe(`http://palmares.test/verify/${licence.body.verificationCode}`);
    expect((await platform.client.get(path, season.jury)).body.verificationCode).toBe(licence.body.verificationCode);

    const kit = await platform.client.get(`/api/entries/${entryOf(season.winner)}/logo-kit`, season.winner.token);
    expect(kit.status).toBe(409);
    expect(kit.body.message).toMatch(new RegExp(`licence invoice ${licence.body.invoice.number} is paid`));
  });

  it('once the licence invoice is paid, the kit holds the SVG and PNG logos and a README with the verification URL', async () => {
    const { invoice } = (await platform.client.get(`/api/entries/${entryOf(season.winner)}/licence`, season.winner.token)).body;
    const receivedAt = new Date();
    await platform.client.post(
      `/api/invoices/${invoice.id}/bank-transfers`,
      { amountCents: invoice.totalCents, reference: 'VIR-LICENCE', receivedAt: receivedAt.toISOString() },
      season.jury,
    );
    const licence = (await platform.client.get(`/api/entries/${entryOf(season.winner)}/licence`, season.winner.token)).body;
    expect(licence.status).toBe('PAID');
    const oneYearLater = new Date(receivedAt);
    oneYearLater.setUTCFullYear(oneYearLater.getUTCFullYear() + 1);
    expect(Math.abs(new Date(licence.validUntil).getTime() - oneYearLater.getTime())).toBeLessThan(1000);

    const kit = await download(`/api/entries/${entryOf(season.winner)}/logo-kit`, season.winner.token);
    expect(kit.status).toBe(200);
    expect(kit.type).toBe('application/zip');
    expect(kit.disposition).toContain(`logo-${season.editionYear}-`);
    const files = unzipSync(new Uint8Array(kit.bytes));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'logo.png', 'logo.svg']);
    expect(Buffer.from(files['logo.png'].subarray(1, 4)).toString()).toBe('PNG');
    const svg = strFromU8(files['logo.svg']);
    expect(svg).toContain(`${season.editionYear}</text>`);
    expect(svg).toContain(licence.verificationUrl);
    expect(strFromU8(files['README.txt'])).toContain(licence.verificationUrl);
  });

  it('no title, no licence: a runner-up, another company or a shopper gets 404 or 403', async () => {
    const runnerUp = await platform.client.get(`/api/entries/${entryOf(season.runnerUp)}/licence`, season.runnerUp.token);
    expect(runnerUp.status).toBe(404);
    expect(runnerUp.body.message).toMatch(/holds no title/);
    expect((await platform.client.get(`/api/entries/${entryOf(season.runnerUp)}/logo-kit`, season.runnerUp.token)).status).toBe(404);
    expect((await platform.client.get(`/api/entries/${entryOf(season.winner)}/licence`, season.runnerUp.token)).status).toBe(404);
    expect((await platform.client.get(`/api/entries/not-an-id/licence`, season.runnerUp.token)).status).toBe(404);
    expect((await platform.client.get(`/api/entries/${entryOf(season.winner)}/licence`, season.shopper.token)).status).toBe(403);
  });

  it('a ranked entry’s timeline ends with its ranking at publication', async () => {
    const { timeline } = (await platform.client.get(`/api/entries/${entryOf(season.runnerUp)}`, season.runnerUp.token)).body;
    expect(timeline.at(-1).status).toBe('RANKED');
  });

  it('the report names the criteria by their labels, against the category’s averages, with strengths and weaknesses', async () => {
    const report = (await platform.client.get(`/api/entries/${entryOf(season.runnerUp)}/report`, season.runnerUp.token)).body;
    // ranked: the winner (20) and the runner-up (15.38); per phone criterion the runner-up has 3, 3, 1 against 4, 4, 1
    expect(report.channelAverages).toEqual({ PHONE: 17.69, EMAIL: 17.69 });
    expect(report.criterionScores).toContainEqual({ channel: 'PHONE', key: 'phone-greeting', label: 'Accueil', max: 4, score: 3, categoryAverage: 3.5 });
    expect(report.criterionScores).toContainEqual({ channel: 'EMAIL', key: 'email-courtesy', label: 'Courtoisie', max: 1, score: 1, categoryAverage: 1 });
    expect(report.criterionScores).toHaveLength(6);
    expect(report.strengths).toEqual([]);
    expect(report.weaknesses.map((w: { label: string }) => w.label)).toEqual(['Accueil', 'Exactitude de la réponse', 'Accueil']);
    expect(report).toMatchObject({ rank: 2, of: 2, scoreInterval: { low: 15.38, high: 15.38 } });

    const winner = (await platform.client.get(`/api/entries/${entryOf(season.winner)}/report`, season.winner.token)).body;
    expect(winner.strengths.map((w: { key: string }) => w.key)).toEqual(['phone-greeting', 'phone-answer', 'email-greeting']);
    expect(winner.weaknesses).toEqual([]);
  });

  it('the report’s PDF shows the same with labels and bar charts', async () => {
    const pdf = await download(`/api/entries/${entryOf(season.runnerUp)}/report/pdf`, season.runnerUp.token);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.bytes);
    for (const words of [
      'Accueil',
      'Exactitude de la réponse',
      'Points à améliorer',
      'Par canal, sur 20',
      'Moyenne de la catégorie',
      'entre 15,38 et 15,38 sur 20',
    ])
      expect(text).toContain(words);
    expect(text).not.toContain('phone-greeting');
  });
});
