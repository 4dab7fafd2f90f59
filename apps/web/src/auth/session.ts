import type { Session, User } from '../api/types';

export type { User };
export type Role = User['role'];
export type SessionState = { status: 'starting' } | { status: 'anonymous' } | { status: 'signed-in'; user: User };

/**
 * The session lives in this module's memory only: the access token is never written to storage, so a
 * script injected into the page cannot read it after a reload. The refresh token is the API's httpOnly
 * cookie, which JavaScript never sees; a reload or a 401 trades it for a new access token.
 */
let accessToken: string | null = null;
let state: SessionState = { status: 'starting' };
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export const sessionStore = {
  get: (): SessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function startSession(session: Session): void {
  accessToken = session.accessToken;
  publish({ status: 'signed-in', user: session.user });
}

export function endSession(): void {
  accessToken = null;
  publish({ status: 'anonymous' });
}

export function updateUser(user: User): void {
  if (state.status === 'signed-in') publish({ status: 'signed-in', user });
}

let refreshing: Promise<boolean> | null = null;

/**
 * Trades the refresh cookie for a new access token. One refresh at a time: the cookie is rotated at
 * each use and a rotated one presented again revokes the whole family, so requests refused together
 * must wait for the same refresh rather than each sending the old cookie.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await fetch(new Request(new URL('/api/auth/refresh', window.location.origin), { method: 'POST', credentials: 'same-origin' }));
      if (!response.ok) {
        endSession();
        return false;
      }
      startSession((await response.json()) as Session);
      return true;
    } catch {
      endSession();
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function withToken(request: Request): Request {
  const authorised = new Request(request);
  if (accessToken) authorised.headers.set('Authorization', `Bearer ${accessToken}`);
  return authorised;
}

/**
 * The client's fetch: sends the access token and, when the API answers 401 to a request that carried
 * one (it expired), refreshes the session once and replays the request with the new token.
 */
export async function authenticatedFetch(request: Request): Promise<Response> {
  const replay = request.clone();
  const sentToken = accessToken !== null;
  const response = await fetch(withToken(request));
  if (response.status !== 401 || !sentToken) return response;
  return (await refreshSession()) ? fetch(withToken(replay)) : response;
}
