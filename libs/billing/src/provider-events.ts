import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';

/** A `checkout.session.completed` event as the payment provider (Stripe) sends it (the stand-in sends these, tests forge them). */
export function checkoutCompleted(options: {
  invoiceId: string | null;
  amountTotal: number;
  eventId?: string;
  sessionId?: string;
  created?: number;
  paymentStatus?: string;
  currency?: string;
  type?: string;
}) {
  const sessionId = options.sessionId ?? `cs_test_${randomUUID().replace(/-/g, '')}`;
  return {
    id: options.eventId ?? `evt_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    type: options.type ?? 'checkout.session.completed',
    created: options.created ?? Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        mode: 'payment',
        status: 'complete',
        payment_status: options.paymentStatus ?? 'paid',
        client_reference_id: options.invoiceId,
        metadata: options.invoiceId ? { invoiceId: options.invoiceId } : {},
        amount_total: options.amountTotal,
        currency: options.currency ?? 'eur',
        payment_intent: `pi_test_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      },
    },
  };
}

/** The body and the `stripe-signature` header of an event, signed with the webhook secret. */
export function signEvent(event: object, secret: string, timestamp?: number): { payload: string; signature: string } {
  const payload = JSON.stringify(event);
  return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }) };
}
