import { randomInt, randomUUID } from 'node:crypto';
import { sirenFor, type SmtpInbox } from '@app/simulation';
import type { ApiClient } from './platform';

/** A random SIREN with a valid Luhn check digit. */
export function randomSiren(): string {
  return sirenFor({ int: (min, max) => randomInt(min, max + 1) });
}

export const PASSWORD = 'correct-horse-42';

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

export function signupBody(overrides: Record<string, unknown> = {}) {
  return {
    companyName: 'Banque Exemple SA',
    siren: randomSiren(),
    country: 'FR',
    billingAddress: '1 rue de la Paix, 75002 Paris',
    email: uniqueEmail('company'),
    password: PASSWORD,
    ...overrides,
  };
}

/** The token carried by the link of the last mail matching `subject` sent to `email`. */
export async function tokenFromMail(inbox: SmtpInbox, email: string, subject: RegExp): Promise<string> {
  const mail = await inbox.waitForMail(email, { subject });
  const match = /[?&]token=([^\s"&<]+)/.exec(mail.text);
  if (!match) throw new Error(`no token link in the mail "${mail.subject}"`);
  return decodeURIComponent(match[1]);
}

/** Signs up a company, confirms its e-mail through the real mail and logs in; returns its token and ids. */
export async function signedInCompany(client: ApiClient, inbox: SmtpInbox, overrides: Record<string, unknown> = {}) {
  const body = signupBody(overrides);
  const signup = await client.post('/api/auth/signup', body);
  if (signup.status !== 201) throw new Error(`signup failed: ${JSON.stringify(signup.body)}`);
  const token = await tokenFromMail(inbox, body.email, /Confirm|Confirmez/);
  await client.post('/api/auth/confirm', { token });
  const login = await client.post('/api/auth/login', { email: body.email, password: body.password });
  return {
    email: body.email,
    siren: body.siren,
    token: login.body.accessToken as string,
    userId: login.body.user.id as string,
    companyId: login.body.user.companyId as string,
  };
}
