/** A bank transfer as the jury records it: EUR cents received, the bank's reference, when (ISO-8601, not in the future). */
export interface BankTransfer {
  amountCents: number;
  reference: string;
  receivedAt: string;
}

export interface PaymentFlagView {
  id: string;
  invoiceId: string | null;
  invoiceNumber: string | null;
  providerEventId: string | null;
  amountCents: number | null;
  expectedCents: number | null;
  reason: string;
  createdAt: Date;
}

export interface WebhookAck {
  received: true;
  duplicate?: true;
  outcome?: string;
}
