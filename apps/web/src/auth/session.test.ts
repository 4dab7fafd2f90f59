import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json } from '../test/render';
import { authenticatedFetch, endSession, sessionStore, startSession } from './session';

const user = { id: 'u1', email: 'claire@example.fr', role: 'COMPANY' as const, companyId: null, locale: 'fr' as const, name: null, emailConfirmed: true };
const authorisation = (request: Request) => request.headers.get('Authorization');
const isRefresh = (request: Request) => new URL(request.url).pathname === '/api/auth/refresh';

/** A stand-in API: `/api/entries` accepts only the token `fresh`; refresh answers with it while the cookie is good. */
function api({ cookie = true } = {}) {
  return vi.fn(async (request: Request) => {
    if (isRefresh(request))
      return cookie ? json(200, { accessToken: 'fresh', user }) : json(401, { statusCode: 401, error: 'Unauthorized', message: 'no session' });
    return authorisation(request) === 'Bearer fresh' ? json(200, []) : json(401, { statusCode: 401, error: 'Unauthorized', message: 'expired' });
  });
}

describe('the session', () => {
  beforeEach(() => endSession());
  afterEach(() => vi.unstubAllGlobals());

  it('sends the access token, and on a 401 refreshes once and replays the request with the new token', async () => {
    const fetch = api();
    vi.stubGlobal('fetch', fetch);
    startSession({ accessToken: 'stale', user });
    const response = await authenticatedFetch(new Request('http://localhost/api/entries', { method: 'POST', body: '{"a":1}' }));
    expect(response.status).toBe(200);
    const [first, refresh, replay] = fetch.mock.calls.map(([request]) => request);
    expect(authorisation(first)).toBe('Bearer stale');
    expect(isRefresh(refresh)).toBe(true);
    expect(authorisation(replay)).toBe('Bearer fresh');
    expect(await replay.text()).toBe('{"a":1}');
  });

  it('refreshes once for requests refused together (the cookie is rotated at each use)', async () => {
    const fetch = api();
    vi.stubGlobal('fetch', fetch);
    startSession({ accessToken: 'stale', user });
    const responses = await Promise.all([1, 2, 3].map(() => authenticatedFetch(new Request('http://localhost/api/entries'))));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(fetch.mock.calls.filter(([request]) => isRefresh(request))).toHaveLength(1);
  });

  it('ends the session when the refresh is refused, and answers the original 401', async () => {
    vi.stubGlobal('fetch', api({ cookie: false }));
    startSession({ accessToken: 'stale', user });
    const response = await authenticatedFetch(new Request('http://localhost/api/entries'));
    expect(response.status).toBe(401);
    expect(sessionStore.get()).toEqual({ status: 'anonymous' });
  });

  it('does not try to refresh for a visitor who sent no token', async () => {
    const fetch = api();
    vi.stubGlobal('fetch', fetch);
    expect((await authenticatedFetch(new Request('http://localhost/api/entries'))).status).toBe(401);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('keeps the token out of every storage', async () => {
    vi.stubGlobal('fetch', api());
    startSession({ accessToken: 'secret-token', user });
    await authenticatedFetch(new Request('http://localhost/api/entries'));
    const stored = [localStorage, sessionStorage].flatMap((storage) => Object.keys(storage).map((key) => storage.getItem(key)));
    expect(stored.join()).not.toContain('fresh');
    expect(document.cookie).not.toContain('fresh');
  });
});
