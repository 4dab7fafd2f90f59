import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderInPortal } from '../test/render';
import { AuthProvider, useAuth } from './AuthProvider';

function Who() {
  const { session, user } = useAuth();
  return <p>{session.status === 'starting' ? 'starting' : (user?.email ?? 'anonymous')}</p>;
}

describe('AuthProvider', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('restores the session from the refresh cookie at start-up, sending the cookie and no body', async () => {
    const fetch = vi.fn(async (_request: Request) => json(200, { accessToken: 'a', user: { id: 'u1', email: 'claire@example.fr', role: 'COMPANY' } }));
    vi.stubGlobal('fetch', fetch);
    renderInPortal(
      <AuthProvider>
        <Who />
      </AuthProvider>,
    );
    expect(screen.getByText('starting')).toBeTruthy();
    expect(await screen.findByText('claire@example.fr')).toBeTruthy();
    const [request] = fetch.mock.calls[0];
    expect([request.method, new URL(request.url).pathname, request.credentials]).toEqual(['POST', '/api/auth/refresh', 'same-origin']);
  });
});
