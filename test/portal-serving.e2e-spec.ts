import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestPlatform } from './support/platform';

const INDEX =
  '<!doctype html><html lang="fr"><head><script type="module" src="/assets/index-3f9a1c.js"></script></head><body><div id="root"></div></body></html>';

describe('the API serves the built portal at / with the SPA fallback', () => {
  let platform: TestPlatform;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'palmares-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-3f9a1c.js'), 'console.log("portal")');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    process.env.WEB_DIST_DIR = dist;
    platform = await TestPlatform.start({ worker: false });
  });
  afterAll(async () => {
    delete process.env.WEB_DIST_DIR;
    await platform.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (path: string, accept = 'text/html,application/xhtml+xml,*/*;q=0.8', method: 'GET' | 'POST' = 'GET') =>
    fetch(platform.client.baseUrl + path, { method, headers: { accept } }).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.text() }));

  it('serves hashed assets for a year, immutable, and index.html revalidated', async () => {
    const asset = await get('/assets/index-3f9a1c.js', '*/*');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const index = await get('/index.html');
    expect(index.body).toBe(INDEX);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect((await get('/favicon.svg', '*/*')).headers.get('cache-control')).toBe('no-cache');
  });

  it.each(['/', '/entries/9b1d0000-0000-4000-8000-000000000000', '/reset-password?token=abc', '/join'])(
    'answers index.html for the portal path %s when HTML is accepted, under the CSP',
    async (path) => {
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(page.body).toBe(INDEX);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    },
  );

  it.each([
    ['an API path', '/api/nothing-here', 'text/html'],
    ['the docs', '/docs/nothing-here', 'text/html'],
    ['the health check', '/health/nothing', 'text/html'],
    ['a request not accepting HTML', '/entries/abc', 'application/json'],
  ])('keeps the JSON 404 for %s', async (_label, path, accept) => {
    const response = await get(path, accept);
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('keeps the JSON 404 for a POST, and the server-rendered pages answer their own 404', async () => {
    expect((await get('/entries/abc', 'text/html', 'POST')).status).toBe(404);
    const winners = await get('/winners/1999');
    expect(winners.status).toBe(404);
    expect(winners.body).toContain('Page introuvable');
    const checkout = await get('/checkout/standin/cs_standin_nothing');
    expect(checkout.status).toBe(404);
    expect(checkout.body).not.toBe(INDEX);
  });
});
