import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { DomainError, AppConfig, InvalidError, UnavailableError, UpstreamError } from '@app/core';
import type { Invoice } from './entities/invoice.entity';
import { readProviderEvent, type ProviderEvent } from './provider-event';
import { StandinCheckout } from './standin-checkout';

/** The card payment provider (Stripe's hosted checkout and signed webhooks), behind the two calls the platform makes. */
@Injectable()
export class CardPayments {
  private client: Stripe | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly standin: StandinCheckout,
  ) {}

  /** A hosted checkout page for the invoice's total; the webhook names the invoice in client_reference_id and metadata. */
  async createCheckout(invoice: Invoice): Promise<string> {
    if (this.config.PAYMENT_PROVIDER === 'standin') return this.standin.open(invoice);
    const stripe = this.stripe();
    const base = this.config.PUBLIC_URL.replace(/\/+$/, '');
    try {
      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        currency: 'eur',
        allowed_payment_method_types: ['card'],
        client_reference_id: invoice.id,
        metadata: { invoiceId: invoice.id, invoiceNumber: invoice.number },
        payment_intent_data: { description: `Facture ${invoice.number}`, metadata: { invoiceId: invoice.id, invoiceNumber: invoice.number } },
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: 'eur',
              unit_amount: invoice.totalCents,
              product_data: { name: `Facture ${invoice.number}`, description: invoice.description },
            },
          },
        ],
        success_url: `${base}/invoices/${invoice.id}?checkout=success`,
        cancel_url: `${base}/invoices/${invoice.id}?checkout=cancelled`,
      });
      if (!session.url) throw new Error('the checkout session has no URL');
      return session.url;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new UpstreamError(`the payment provider could not open a checkout, try again later: ${(error as Error).message}`, 'PAYMENT_PROVIDER_FAILED');
    }
  }

  /** The event of a webhook whose signature matches its exact bytes and whose shape the platform can use; 400 otherwise. */
  verifyEvent(rawBody: Buffer | undefined, signature: string | undefined): ProviderEvent {
    const secret = this.config.STRIPE_WEBHOOK_SECRET;
    if (!secret) throw new UnavailableError('payment webhooks are not configured: set STRIPE_WEBHOOK_SECRET', 'PAYMENTS_NOT_CONFIGURED');
    if (!signature) throw new InvalidError('the stripe-signature header is required: payment webhooks must be signed', 'WEBHOOK_SIGNATURE_INVALID');
    if (!rawBody || rawBody.length === 0) throw new InvalidError('the webhook has no body: a signed JSON event is expected', 'WEBHOOK_SIGNATURE_INVALID');
    let event: unknown;
    try {
      event = Stripe.webhooks.constructEvent(rawBody, signature, secret);
    } catch {
      throw new InvalidError('the webhook signature does not match its body, or is too old: the event was not accepted', 'WEBHOOK_SIGNATURE_INVALID');
    }
    return readProviderEvent(event);
  }

  private stripe(): Stripe {
    const key = this.config.STRIPE_SECRET_KEY;
    if (!key) throw new UnavailableError('card payment is not configured: set STRIPE_SECRET_KEY', 'PAYMENTS_NOT_CONFIGURED');
    this.client ??= new Stripe(key, { maxNetworkRetries: 2, timeout: 20_000 });
    return this.client;
  }
}
