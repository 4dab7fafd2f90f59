import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkoutCompleted, signEvent } from '../payment-provider';
import type { Channel, SimCompany } from './cast';
import { linkToken, CAST_PASSWORD, SECOND } from './steps';
import type { EntrantReport, SeasonContext, SeasonEntry } from './types';

/** A company of the cast: signs up, confirms, registers its entry and pays (card, transfer, or not at all). */
export async function registerCompany(context: SeasonContext, jury: string, company: SimCompany, categoryId: string, tested: Channel[]): Promise<SeasonEntry> {
  const { client, inbox } = context;
  await client.expectOk('POST', '/api/auth/signup', {
    body: {
      companyName: company.name,
      siren: company.siren,
      country: 'FR',
      billingAddress: `${10 + company.index} rue du Commerce, 75015 Paris`,
      email: company.email,
      password: CAST_PASSWORD,
      locale: 'fr',
    },
  });
  const confirmation = await inbox.waitForMail(company.email, { subject: /Confirm/, timeoutMs: 60 * SECOND });
  await client.expectOk('POST', '/api/auth/confirm', { body: { token: linkToken(confirmation) } });
  const token = (await client.expectOk('POST', '/api/auth/login', { body: { email: company.email, password: CAST_PASSWORD } })).accessToken as string;
  const contactPoints = Object.fromEntries(tested.filter((c) => company.contactPoints[c]).map((c) => [c, company.contactPoints[c]]));
  const entry = await client.expectOk('POST', '/api/entries', { token, body: { categoryId, contactPoints } });
  const invoice = entry.invoice as { id: string; totalCents: number; number: string };
  const payment = company.payment === 'CARD' && !context.webhookSecret ? 'BANK_TRANSFER' : company.payment;
  if (payment === 'CARD') {
    // the company would be sent to the provider's hosted page; the provider then tells the platform, signed
    const { payload, signature } = signEvent(checkoutCompleted({ invoiceId: invoice.id, amountTotal: invoice.totalCents }), context.webhookSecret!);
    const ack = await client.request('POST', '/api/payments/webhook', {
      rawBody: payload,
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    });
    if (ack.status !== 200) throw new Error(`the payment webhook of ${company.name} answered ${ack.status}: ${JSON.stringify(ack.body)}`);
  } else if (payment === 'BANK_TRANSFER') {
    await client.expectOk('POST', `/api/invoices/${invoice.id}/bank-transfers`, {
      token: jury,
      body: { amountCents: invoice.totalCents, reference: `VIR ${invoice.number}`, receivedAt: new Date().toISOString() },
    });
  }
  return { company, entryId: entry.id, invoiceId: invoice.id, totalCents: invoice.totalCents, token, userEmail: company.email };
}

/** An entrant reads its private report (and saves its PDF when asked). */
export async function readReport(context: SeasonContext, entry: SeasonEntry): Promise<EntrantReport> {
  const report = await context.client.expectOk('GET', `/api/entries/${entry.entryId}/report`, { token: entry.token });
  if (context.reportsDir) {
    const pdf = await context.client.request('GET', `/api/entries/${entry.entryId}/report/pdf`, { token: entry.token });
    if (pdf.status !== 200) throw new Error(`the report PDF of ${entry.company.name} answered ${pdf.status}`);
    mkdirSync(context.reportsDir, { recursive: true });
    writeFileSync(join(context.reportsDir, `${entry.company.sector}-${entry.company.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`), pdf.body as Buffer);
  }
  return {
    entryId: entry.entryId,
    companyName: report.companyName,
    categoryCode: report.categoryCode,
    rank: report.rank,
    of: report.of,
    score: report.score,
    eligible: report.eligible,
    insufficientChannels: report.insufficientChannels,
    winner: report.winner,
  };
}
