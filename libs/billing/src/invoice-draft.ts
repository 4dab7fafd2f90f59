import type { EntityManager } from 'typeorm';
import { COMPANIES_SQL } from '@app/accounts';
import { InvalidError, NotFoundError } from '@app/core';
import type { Invoice, InvoiceBuyer, InvoicePurpose } from './entities/invoice.entity';
import { invoiceAmounts } from './vat';

export interface IssueInvoiceInput {
  editionId: string;
  companyId: string;
  entryId: string | null;
  purpose: InvoicePurpose;
  description: string;
  /** EUR cents, excluding VAT. */
  amountExclVatCents: number;
  /** Basis points (2000 = 20 %); ignored under reverse charge. */
  vatRateBp: number;
}

/** What an invoice says before it has a number: the buyer as it stands now and the amounts. */
export type InvoiceDraft = Pick<
  Invoice,
  'editionId' | 'companyId' | 'entryId' | 'purpose' | 'description' | 'amountExclVatCents' | 'vatRateBp' | 'vatCents' | 'totalCents' | 'reverseCharge' | 'buyer'
>;

/** Amounts are Postgres `int` columns. */
const MAX_CENTS = 2_147_483_647;

/** Checks an invoice's input and reads its buyer in `tx`; nothing is written. */
export async function draftInvoice(tx: EntityManager, input: IssueInvoiceInput): Promise<InvoiceDraft> {
  return draftFor(input, await readBuyer(tx, input.companyId));
}

/** The company as its invoices name it, as it stands now (one row read, no query building: it is on the registration path). */
export async function readBuyer(manager: EntityManager, companyId: string): Promise<InvoiceBuyer> {
  const [buyer]: InvoiceBuyer[] = await manager.query(
    `SELECT legal_name AS "legalName", billing_address AS "billingAddress", country, siren, foreign_registration_number AS "foreignRegistrationNumber",
            vat_number AS "vatNumber"
       FROM (${COMPANIES_SQL}) company WHERE id = $1`,
    [companyId],
  );
  if (!buyer) throw new NotFoundError(`company ${companyId} does not exist`);
  return buyer;
}

/** Checks an invoice's input and works out its amounts for this buyer. */
export function draftFor(input: IssueInvoiceInput, buyer: InvoiceBuyer): InvoiceDraft {
  const description = input.description.trim();
  if (!description) throw new InvalidError('an invoice needs a description of what it bills');
  const amounts = invoiceAmounts(input.amountExclVatCents, input.vatRateBp, buyer);
  if (amounts.totalCents > MAX_CENTS) throw new InvalidError(`an invoice total cannot exceed ${MAX_CENTS} cents`);
  return { editionId: input.editionId, companyId: input.companyId, entryId: input.entryId, purpose: input.purpose, description, ...amounts, buyer };
}
