import { PageCache } from './page-cache';

/** A render that resolves when the test says so, counting how often it was asked for. */
function renders() {
  const pending: ((value: string) => void)[] = [];
  const fail: ((error: Error) => void)[] = [];
  const render = () =>
    new Promise<string>((resolve, reject) => {
      pending.push(resolve);
      fail.push(reject);
    });
  return { render, pending, fail };
}

const settled = () => new Promise((done) => setImmediate(done));

describe('PageCache', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000));

  it('shares one render between concurrent misses and reuses it until it expires', async () => {
    const cache = new PageCache<string>(5_000, clock);
    const { render, pending } = renders();
    const [a, b] = [cache.get('k', render), cache.get('k', render)];
    expect(pending).toHaveLength(1);
    pending[0]('v1');
    expect([await a, await b]).toEqual(['v1', 'v1']);
    now += 4_999;
    expect(await cache.get('k', render)).toBe('v1');
    expect(pending).toHaveLength(1);
  });

  it('answers an expired page while one render replaces it, then the new one', async () => {
    const cache = new PageCache<string>(5_000, clock);
    const { render, pending } = renders();
    const first = cache.get('k', render);
    pending[0]('v1');
    await first;
    now += 5_000;
    expect(await cache.get('k', render)).toBe('v1');
    expect(await cache.get('k', render)).toBe('v1');
    expect(pending).toHaveLength(2);
    pending[1]('v2');
    await settled();
    expect(await cache.get('k', render)).toBe('v2');
  });

  it('keeps the expired page after a failed render, and renders again on the next request', async () => {
    const cache = new PageCache<string>(5_000, clock);
    const { render, pending, fail } = renders();
    const first = cache.get('k', render);
    pending[0]('v1');
    await first;
    now += 5_000;
    expect(await cache.get('k', render)).toBe('v1');
    fail[1](new Error('database unavailable'));
    await settled();
    expect(await cache.get('k', render)).toBe('v1');
    expect(pending).toHaveLength(3);
  });

  it('renders every request after the last render when its TTL is 0', async () => {
    const cache = new PageCache<string>(0, clock);
    const { render, pending } = renders();
    const first = cache.get('k', render);
    pending[0]('v1');
    await first;
    const second = cache.get('k', render);
    pending[1]('v2');
    expect(await second).toBe('v2');
  });
});
