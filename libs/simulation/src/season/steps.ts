import type { ApiClient } from '../api-client';
import { waitFor } from '../wait';
import type { InboxMessage } from './inbox';

/** What the season's actors share: the demo password, the poll rhythm, and small readings of the API. */
/** Every company user and shopper of a played season logs in with this password (the demo prints it). */
export const CAST_PASSWORD = 'demo-Season-2027';
export const SECOND = 1000;
/** How often a simulated shopper and the jury look for work. */
export const POLL_MS = 1000;

/** Demonstration editions take the latest free year, counting down from 2100, to keep clear of real ones. */
export async function freeYear(client: ApiClient, jury: string): Promise<number> {
  const taken = new Set(((await client.expectOk('GET', '/api/editions', { token: jury })) as { year: number }[]).map((e) => e.year));
  for (let year = 2100; year >= 2000; year--) if (!taken.has(year)) return year;
  throw new Error('every edition year from 2000 to 2100 is taken');
}

export async function waitForStatus(client: ApiClient, jury: string, editionId: string, statuses: string[], timeoutMs: number): Promise<void> {
  let last = '';
  try {
    await waitFor(
      async () => statuses.includes((last = (await client.expectOk('GET', `/api/editions/${editionId}`, { token: jury })).status)),
      timeoutMs,
      `edition ${editionId} to reach ${statuses.join(' or ')}`,
      250,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message} (still ${last}: is the worker running?)`);
  }
}

/** Every item of a paged list route (limit/offset). */
export async function listAll(client: ApiClient, url: string, token: string): Promise<any[]> {
  const out: any[] = [];
  for (let offset = 0; ; offset += 500) {
    const page: unknown[] = await client.expectOk('GET', `${url}${url.includes('?') ? '&' : '?'}limit=500&offset=${offset}`, { token });
    out.push(...page);
    if (page.length < 500) return out;
  }
}

export function linkToken(mail: InboxMessage): string {
  const match = /[?&]token=([^\s"&<]+)/.exec(mail.text);
  if (!match) throw new Error(`no link with a token in "${mail.subject}"`);
  return decodeURIComponent(match[1]);
}

export function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris' });
}
