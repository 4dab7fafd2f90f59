import { InvoiceCounter } from './invoice-counter.entity';
import { Invoice } from './invoice.entity';
import { PaymentFlag } from './payment-flag.entity';
import { Payment } from './payment.entity';
import { UnnumberedInvoice } from './unnumbered-invoice.entity';
import { WebhookEvent } from './webhook-event.entity';

/** The tables billing owns, as TypeORM entities (its module registers them; the schema test checks them). */
export const BILLING_ENTITIES = [Invoice, InvoiceCounter, Payment, PaymentFlag, WebhookEvent, UnnumberedInvoice];
