import { gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { TestPlatform } from './support/platform';
import { publishedEdition, WEAK } from './support/scored-edition';

describe('public pages rendered on the server: winners, versions, verification, methodology', () => {
  let platform: TestPlatform;
  let season: Awaited<ReturnType<typeof publishedEdition>>;

  beforeAll(async () => {
    process.env.PUBLIC_PAGES_TTL_MS = '0'; // every request renders: the tests see a correction at once
    platform = await TestPlatform.start();
    season = await publishedEdition(platform);
  });
  afterAll(async () => {
    delete process.env.PUBLIC_PAGES_TTL_MS;
    await platform.close();
  });

  const page = (path: string, headers: Record<string, string> = {}) => platform.client.request<string>('GET', path, { headers });
  const licenceOfWinner = async () => (await platform.client.get(`/api/entries/${season.entries[season.winner.id]}/licence`, season.winner.token)).body;

  it('lists the published editions, in French by default and in English when asked', async () => {
    const fr = await page('/winners');
    expect(fr.status).toBe(200);
    expect(fr.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(fr.body).toContain('<html lang="fr">');
    expect(fr.body).toContain('<h1>Palmarès</h1>');
    expect(fr.body).toContain(`href="/winners/${season.editionYear}"`);
    expect(fr.body).not.toContain('<script');
    const en = await page('/winners', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('<h1>Winners</h1>');
    expect(en.body).toContain(`href="/winners/${season.editionYear}?lang&#x3D;en"`); // "=" escaped, as Handlebars does in attributes
    expect((await page('/winners?lang=en', { 'accept-language': 'fr' })).body).toContain('<html lang="en">');
    expect((await page('/winners?lang=fr', { 'accept-language': 'en' })).body).toContain('<html lang="fr">');
  });

  it('shows the winner with its score, the facts of the category, and no other entrant', async () => {
    const response = await page(`/winners/${season.editionYear}`);
    expect(response.status).toBe(200);
    expect(response.body).toContain(season.winner.name);
    expect(response.body).toContain('20,00 / 20');
    expect(response.body).toContain('3 entreprises inscrites, 8 tests validés, seuil d’attribution 12,00 / 20.');
    expect(response.body).not.toContain(season.runnerUp.name);
    expect(response.body).not.toContain(season.thin.name);
    expect((await page(`/winners/${season.editionYear}?lang=en`)).body).toContain('20.00 / 20');
  });

  it('answers with an ETag and Cache-Control, and 304 to a request that holds the same version', async () => {
    const first = await page(`/winners/${season.editionYear}`);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers.vary).toMatch(/Accept-Language/);
    const again = await page(`/winners/${season.editionYear}`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect((await page(`/winners/${season.editionYear}?lang=en`, { 'if-none-match': etag })).status).toBe(200);
  });

  it('sends a page gzipped to a client that accepts gzip, under its own ETag, and plain to one that does not', async () => {
    const url = `${platform.client.baseUrl}/winners/${season.editionYear}`;
    const plain = await request(url, { headers: { 'accept-encoding': 'identity' } });
    const zipped = await request(url, { headers: { 'accept-encoding': 'br;q=1, gzip;q=0.8' } });
    const refused = await request(url, { headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(zipped.headers.etag).toBe(String(plain.headers.etag).replace(/"$/, '-gzip"'));
    const html = await plain.body.text();
    expect(gunzipSync(Buffer.from(await zipped.body.arrayBuffer())).toString('utf8')).toBe(html);
    expect(html).toContain(season.winner.name);
    await refused.body.dump();
  });

  it('answers 404 as a page for an unknown year, version or path', async () => {
    for (const path of [
      '/winners/1999',
      '/winners/abcd',
      `/winners/${season.editionYear}/v9`,
      `/winners/${season.editionYear}/9`,
      '/verify/0000000000000000000A',
    ]) {
      const response = await page(path);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toMatch(/<h1>(Page introuvable|Vérification d’un titre)<\/h1>/);
    }
  });

  it('verifies a title: who holds it, and whether its logo licence runs', async () => {
    const { verificationCode } = await licenceOfWinner();
    const unpaid = await page(`/verify/${verificationCode}`);
    expect(unpaid.status).toBe(200);
    expect(unpaid.body).toContain(`${season.winner.name} est lauréate du titre`);
    expect(unpaid.body).toContain('n’est pas en cours');
    expect(unpaid.headers['cache-control']).toBe('public, max-age=300');

    const { invoice } = await licenceOfWinner();
    await platform.client.post(
      `/api/invoices/${invoice.id}/bank-transfers`,
      { amountCents: invoice.totalCents, reference: 'VIR-LOGO', receivedAt: new Date().toISOString() },
      season.jury,
    );
    const paid = await page(`/verify/${verificationCode.toLowerCase()}?lang=en`);
    expect(paid.body).toContain(`${season.winner.name} holds the title`);
    expect(paid.body).toMatch(new RegExp(`valid until \\d{1,2} \\w+ ${season.editionYear + 1}|valid until \\d{1,2} \\w+ \\d{4}`));
  });

  it('a correction is a new version: the latest page says why, the earlier one stays readable, a withdrawn title says so', async () => {
    const { verificationCode } = await licenceOfWinner();
    for (let i = 0; i < 6; i++) await season.approved(season.winner, 'PHONE', WEAK);
    const freeze = await platform.client.post(`/api/editions/${season.editionId}/results/freeze`, { reason: 'six évaluations oubliées' }, season.jury);
    expect(freeze.status).toBe(201);
    expect((await platform.client.post(`/api/editions/${season.editionId}/results/publish`, {}, season.jury)).status).toBe(200);

    const latest = (await page(`/winners/${season.editionYear}`)).body;
    expect(latest).toContain('Version 2 : corrige la version précédente. Motif : six évaluations oubliées');
    expect(latest).toContain(season.runnerUp.name);
    expect(latest).not.toContain(season.winner.name);
    expect(latest).toContain(`href="/winners/${season.editionYear}/v1"`);

    const earlier = await page(`/winners/${season.editionYear}/v1`);
    expect(earlier.status).toBe(200);
    expect(earlier.body).toContain('Vous lisez la version 1, remplacée depuis.');
    expect(earlier.body).toContain(season.winner.name);
    expect(earlier.headers['cache-control']).toBe('public, max-age=86400');

    const withdrawn = await page(`/verify/${verificationCode}`);
    expect(withdrawn.body).toContain('a été retiré par une correction des résultats');
  });

  it('explains the methodology in both languages', async () => {
    const fr = await page('/methodology');
    expect(fr.status).toBe(200);
    expect(fr.body).toContain('<h1>Méthodologie</h1>');
    expect(fr.body).toContain('marge d’erreur');
    expect((await page('/methodology?lang=en')).body).toContain('<h1>Methodology</h1>');
  });
});
