import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import type { DataSource } from 'typeorm';
import { AccountsService, TokensService } from '@app/accounts';
import { BillingService, InvoicePurpose, type Invoice, type IssueInvoiceInput } from '@app/billing';
import { isUniqueViolation } from '@app/core';
import { signEvent } from '@app/simulation';
import { PASSWORD, randomSiren, uniqueEmail } from './fixtures';
import type { TestPlatform } from './platform';

/** The webhook secret the billing tests start the API with. */
export const WEBHOOK_SECRET = 'whsec_test_palmares';

/** An entry-fee invoice (13 680,00 € excl. VAT at 20 %) issued straight by the billing service, in a transaction of its own. */
export function issueEntryFeeInvoice(platform: TestPlatform, fields: { editionId: string; companyId: string } & Partial<IssueInvoiceInput>): Promise<Invoice> {
  return platform.dataSource.transaction((tx) =>
    platform.api.get(BillingService).issueInvoice(tx, {
      entryId: null,
      purpose: InvoicePurpose.EntryFee,
      description: 'Inscription — catégorie Banque',
      amountExclVatCents: 1_368_000,
      vatRateBp: 2000,
      ...fields,
    }),
  );
}

export interface SeededEdition {
  id: string;
  year: number;
}

/**
 * An open edition with a free year: years are unique and every test file shares the run's database,
 * so a random year in 2030..2099 is tried until one is free.
 */
export async function seedEdition(dataSource: DataSource): Promise<SeededEdition> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const year = randomInt(2030, 2100);
    const deadline = new Date(Date.UTC(year, 2, 10, 11)); // payment due on 25 March at noon, Paris time, whatever the DST date
    try {
      const [row] = await dataSource.query(
        `INSERT INTO edition (year, name, timezone, status, registration_opens_at, registration_deadline, payment_due_at,
                              test_period_start, test_period_end, results_publish_at)
         VALUES ($1, $2, 'Europe/Paris', 'OPEN', $3, $4, $5, $6, $7, $8) RETURNING id, year`,
        [
          year,
          `Palmares ${year}`,
          new Date(Date.UTC(year - 1, 11, 1, 8)),
          deadline,
          new Date(deadline.getTime() + 15 * 24 * 3600 * 1000),
          new Date(Date.UTC(year, 3, 1)),
          new Date(Date.UTC(year, 5, 30)),
          new Date(Date.UTC(year, 9, 5)),
        ],
      );
      return row as SeededEdition;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error('no free edition year left in 2030..2099');
}

/** A company row, without users (for the tests that only need a buyer). */
export async function seedCompany(
  dataSource: DataSource,
  fields: { legalName?: string; country?: string; vatNumber?: string | null; billingAddress?: string } = {},
): Promise<string> {
  const country = fields.country ?? 'FR';
  const [row] = await dataSource.query(
    `INSERT INTO company (legal_name, siren, foreign_registration_number, vat_number, country, billing_address)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      fields.legalName ?? 'Banque Exemple SA',
      country === 'FR' ? randomSiren() : null,
      country === 'FR' ? null : `HRB ${randomInt(10_000, 99_999)}`,
      fields.vatNumber ?? null,
      country,
      fields.billingAddress ?? '1 rue de la Paix, 75002 Paris',
    ],
  );
  return row.id as string;
}

/** A further user of a company, who only receives e-mails (never logs in). */
export async function addCompanyUser(dataSource: DataSource, companyId: string, locale: 'fr' | 'en'): Promise<{ id: string; email: string }> {
  const email = uniqueEmail(`colleague-${locale}`);
  const [row] = await dataSource.query(
    `INSERT INTO app_user (email, password_hash, role, company_id, locale, email_confirmed_at) VALUES ($1, 'not-a-hash', 'COMPANY', $2, $3, now()) RETURNING id`,
    [email, companyId, locale],
  );
  return { id: row.id as string, email };
}

/** A jury user, logged in through the API. */
export async function signedInJury(platform: TestPlatform): Promise<{ id: string; email: string; token: string }> {
  const email = uniqueEmail('jury');
  const user = await platform.api.get(AccountsService).createJuryUser({ email, password: PASSWORD });
  const login = await platform.client.post('/api/auth/login', { email, password: PASSWORD });
  return { id: user.id, email, token: login.body.accessToken as string };
}

/** An access token of a shopper (made directly: shoppers are invited by another module). */
export async function shopperToken(platform: TestPlatform): Promise<string> {
  const [row] = await platform.dataSource.query(
    `INSERT INTO app_user (email, password_hash, role, locale, email_confirmed_at) VALUES ($1, 'not-a-hash', 'SHOPPER', 'fr', now()) RETURNING id`,
    [uniqueEmail('shopper')],
  );
  return platform.api.get(TokensService).issueAccessToken({ id: row.id, role: 'SHOPPER', companyId: null });
}

export { checkoutCompleted } from '@app/simulation';

/** The body and the `stripe-signature` header of an event, signed with `secret`. */
export function sign(event: object, secret = WEBHOOK_SECRET, timestamp?: number): { payload: string; signature: string } {
  return signEvent(event, secret, timestamp);
}

/** Posts a webhook with exactly these bytes, and the content type the provider sends. */
export async function deliver(platform: TestPlatform, payload: string, signature?: string): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (signature !== undefined) headers['stripe-signature'] = signature;
  const response = await fetch(`${platform.client.baseUrl}/api/payments/webhook`, { method: 'POST', headers, body: payload });
  return { status: response.status, body: await response.json() };
}

let hasPdftotext: boolean | undefined;

/** The text of a PDF: by `pdftotext` when it is installed, else read from the content streams (standard fonts, WinAnsi). */
export function pdfText(pdf: Buffer): string {
  hasPdftotext ??= (() => {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  const text = hasPdftotext ? execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8') : pdfTextFromStreams(pdf);
  return text.replace(/[\s\u00a0\u202f]+/g, ' ');
}

/** WinAnsiEncoding: Latin-1, except 0x80–0x9F. */
const WIN_ANSI_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsiChar = (byte: number) => (byte >= 0x80 && byte <= 0x9f ? WIN_ANSI_80_9F[byte - 0x80] : String.fromCharCode(byte));

/** Inflates every content stream and decodes its text-showing operators (hex strings in WinAnsi). */
export function pdfTextFromStreams(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const operator of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = operator[1] !== undefined ? [...operator[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]) : [operator[2]];
      lines.push(hexes.map((hex) => [...Buffer.from(hex, 'hex')].map(winAnsiChar).join('')).join(''));
    }
  }
  return lines.join('\n');
}
