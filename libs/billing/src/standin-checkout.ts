import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, NotFoundError } from '@app/core';
import { Invoice } from './entities/invoice.entity';
import { checkoutCompleted, signEvent } from './provider-events';

/** A stand-in checkout session: what the provider's hosted page would know. */
export interface StandinSession {
  id: string;
  invoiceId: string;
  entryId: string | null;
  number: string;
  description: string;
  amountCents: number;
}

/** `cs_standin_<invoice id, hex>_<amount in cents>_<MAC>`: short enough for a path segment. */
const SESSION_ID = /^cs_standin_([0-9a-f]{32})_(\d{1,10})_([\w-]{22})$/;

/**
 * The local stand-in of the provider's hosted checkout (PAYMENT_PROVIDER=standin; never in production). A session
 * is its own record: the invoice and amount, signed with the webhook secret, so a made-up or altered one names
 * nothing. Paying sends the provider's signed `checkout.session.completed` event, whose id is the session's, so
 * paying twice is one payment.
 */
@Injectable()
export class StandinCheckout {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The stand-in page's URL for the invoice's total. */
  open(invoice: Invoice): string {
    const claims = `${invoice.id.replace(/-/g, '')}_${invoice.totalCents}`;
    return `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/checkout/standin/cs_standin_${claims}_${this.mac(claims)}`;
  }

  /** The session named by a stand-in URL; 404 when it is not one this platform opened. */
  async read(id: string): Promise<StandinSession> {
    const match = SESSION_ID.exec(id);
    const expected = match ? Buffer.from(this.mac(`${match[1]}_${match[2]}`)) : null;
    const invoice =
      match && expected && timingSafeEqual(Buffer.from(match[3]), expected)
        ? await this.dataSource.getRepository(Invoice).findOneBy({ id: match[1].replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-') })
        : null;
    if (!match || !invoice) throw new NotFoundError('this checkout session does not exist: open the payment again from the invoice');
    return { id, invoiceId: invoice.id, entryId: invoice.entryId, number: invoice.number, description: invoice.description, amountCents: Number(match[2]) };
  }

  /** The signed webhook the provider would send once the card is charged: the exact body and its signature header. */
  completedWebhook(session: StandinSession): { payload: string; signature: string } {
    const event = checkoutCompleted({
      invoiceId: session.invoiceId,
      amountTotal: session.amountCents,
      sessionId: session.id,
      eventId: `evt_${this.mac(session.id)}`,
    });
    return signEvent(event, this.config.STRIPE_WEBHOOK_SECRET!);
  }

  /** 128 bits of HMAC-SHA256 with the webhook secret. */
  private mac(text: string): string {
    return createHmac('sha256', this.config.STRIPE_WEBHOOK_SECRET!).update(text).digest().subarray(0, 16).toString('base64url');
  }
}
