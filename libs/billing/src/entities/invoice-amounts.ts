import { Column } from 'typeorm';

/** The buyer as it stood when the invoice was issued (an invoice never changes afterwards). */
export interface InvoiceBuyer {
  legalName: string;
  billingAddress: string;
  country: string;
  siren: string | null;
  foreignRegistrationNumber: string | null;
  vatNumber: string | null;
}

/** What an invoice bills, the same whether it is still waiting for its number (`unnumbered_invoice`) or issued (`invoice`). */
export abstract class InvoiceAmounts {
  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'amount_excl_vat_cents', type: 'int' })
  amountExclVatCents: number;

  @Column({ name: 'vat_rate_bp', type: 'int' })
  vatRateBp: number;

  @Column({ name: 'vat_cents', type: 'int' })
  vatCents: number;

  @Column({ name: 'total_cents', type: 'int' })
  totalCents: number;

  /** EU buyer outside France with a VAT number: no VAT, and the legal mention on the document. */
  @Column({ name: 'reverse_charge', type: 'boolean' })
  reverseCharge: boolean;

  @Column({ type: 'jsonb' })
  buyer: InvoiceBuyer;
}
