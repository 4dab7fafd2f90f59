import { Injectable } from '@nestjs/common';
import { EntryFees } from '@app/billing';
import type { Reconciles } from '../recovery/reconciles';

/**
 * Entry-fee invoices that a crash (or an outage) left committed but unnumbered, between a registration's commit
 * and its edition's numbering: numbered, and their e-mails written, at the reconciler's next pass.
 */
@Injectable()
export class InvoiceRecovery implements Reconciles {
  constructor(private readonly entryFees: EntryFees) {}

  async reconcile(): Promise<string | null> {
    const issued = await this.entryFees.issueLeftovers();
    return issued > 0 ? `${issued} unnumbered invoice(s) numbered` : null;
  }
}
