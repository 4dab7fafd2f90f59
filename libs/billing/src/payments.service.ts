import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuthUser, juryRecipients } from '@app/accounts';
import { isUuid, type Locale, UnitsOfWork, audit, formatEuros, ConflictError, InvalidError, NotFoundError } from '@app/core';
import { NotificationsService, type Outbox } from '@app/notifications';
import { BillingService } from './billing.service';
import { CardPayments } from './card-payments';
import { checkoutSessionOf, type CheckoutSession, type ProviderEvent } from './provider-event';
import type { CheckoutResponse, InvoiceView } from './invoice.types';
import type { BankTransfer, PaymentFlagView, WebhookAck } from './payment.types';
import { Invoice, InvoiceKind } from './entities/invoice.entity';
import { PaymentFlag } from './entities/payment-flag.entity';
import { PaymentMethod } from './entities/payment.entity';

/** Why a card payment was not recorded: the sentence stored on the flag (English) and the one e-mailed (per locale). */
const FLAG_REASONS = {
  AMOUNT_MISMATCH: { en: 'the amount paid does not match the invoice total', fr: 'le montant payé ne correspond pas au total de la facture' },
  CURRENCY_MISMATCH: { en: 'the payment is not in euros', fr: 'le paiement n’est pas en euros' },
  UNKNOWN_INVOICE: { en: 'the payment names no known invoice', fr: 'le paiement ne désigne aucune facture connue' },
  ALREADY_PAID: { en: 'the invoice was already paid: this is a second payment', fr: 'la facture était déjà payée : ce paiement est un doublon' },
  INVOICE_CREDITED: { en: 'the invoice is cancelled by a credit note', fr: 'la facture est annulée par un avoir' },
  CREDIT_NOTE: { en: 'the payment names a credit note, which is not to be paid', fr: 'le paiement désigne un avoir, qui ne se paie pas' },
} satisfies Record<string, Record<Locale, string>>;
type FlagReason = keyof typeof FLAG_REASONS;

/** What a provider event did, as stored on its webhook_event row. */
export const WebhookOutcome = { Paid: 'PAID', Flagged: 'FLAGGED', Ignored: 'IGNORED' } as const;
export type WebhookOutcome = (typeof WebhookOutcome)[keyof typeof WebhookOutcome];

/** A transfer dated a little ahead of the server clock is tolerated (clients' clocks drift). */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Card payments (checkout and signed webhooks), bank transfers recorded by the jury, and refused payments. */
@Injectable()
export class PaymentsService {
  /** Deliveries of an event being processed by this process, by event id. */
  private readonly inFlight = new Map<string, Promise<WebhookAck>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly units: UnitsOfWork,
    private readonly billing: BillingService,
    private readonly card: CardPayments,
  ) {}

  /** A hosted card checkout for the company's own invoice, still to be paid. */
  async checkout(user: AuthUser, invoiceId: string): Promise<CheckoutResponse> {
    const invoice = await this.billing.findVisible(user, invoiceId);
    await this.assertPayable(this.dataSource.manager, invoice);
    return { url: await this.card.createCheckout(invoice) };
  }

  /**
   * A signed provider event, processed once. Deliveries of one event that reach this process together are
   * run one after the other (so they do not each hold a database connection while they wait); across
   * processes the database decides, in {@link processVerifiedEvent}.
   */
  async receiveWebhook(rawBody: Buffer | undefined, signature: string | undefined): Promise<WebhookAck> {
    const event = this.card.verifyEvent(rawBody, signature);
    const previous = this.inFlight.get(event.id) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.processVerifiedEvent(event));
    this.inFlight.set(event.id, run);
    try {
      return await run;
    } finally {
      if (this.inFlight.get(event.id) === run) this.inFlight.delete(event.id);
    }
  }

  /**
   * Processes a verified event once: its id is inserted first, in the same transaction as what it does, so
   * a second delivery (even a concurrent one, which waits on that row) is answered as a duplicate. A payment
   * that cannot be recorded is flagged for the jury and still acknowledged, so the provider stops retrying.
   */
  async processVerifiedEvent(event: ProviderEvent): Promise<WebhookAck> {
    return this.units.run(async (uow) => {
      const outbox = this.notifications.outbox(uow);
      const fresh: unknown[] = await outbox.tx.query(
        `INSERT INTO webhook_event (provider_event_id, type, outcome) VALUES ($1, $2, 'RECEIVED')
         ON CONFLICT (provider_event_id) DO NOTHING RETURNING provider_event_id`,
        [event.id, event.type],
      );
      if (fresh.length === 0) return { received: true, duplicate: true };
      const outcome = await this.handle(outbox, event);
      await outbox.tx.query(`UPDATE webhook_event SET outcome = $2 WHERE provider_event_id = $1`, [event.id, outcome]);
      return { received: true, outcome };
    });
  }

  /** The jury records a bank transfer that settles an invoice in full. */
  async recordBankTransfer(user: AuthUser, invoiceId: string, dto: BankTransfer): Promise<InvoiceView> {
    const receivedAt = new Date(dto.receivedAt);
    if (receivedAt.getTime() > Date.now() + CLOCK_SKEW_MS)
      throw new InvalidError('receivedAt must not be in the future: record a transfer once it has arrived');
    await this.units.run(async (uow) => {
      const outbox = this.notifications.outbox(uow);
      const tx = outbox.tx;
      const invoice = await tx.findOne(Invoice, { where: { id: invoiceId }, lock: { mode: 'pessimistic_write' } });
      if (!invoice) throw new NotFoundError(`invoice ${invoiceId} does not exist`);
      await this.assertPayable(tx, invoice);
      if (dto.amountCents !== invoice.totalCents)
        throw new InvalidError(
          `amountCents must equal the invoice total: invoice ${invoice.number} is ${invoice.totalCents} cents (${formatEuros(invoice.totalCents)}), not ${dto.amountCents}`,
        );
      const payment = await this.billing.recordPayment(outbox, invoice, {
        method: PaymentMethod.BankTransfer,
        amountCents: dto.amountCents,
        reference: dto.reference,
        receivedAt,
        providerEventId: null,
        recordedBy: user.id,
      });
      await audit(tx, {
        actorId: user.id,
        action: 'payment.bank-transfer-recorded',
        subjectType: 'invoice',
        subjectId: invoice.id,
        details: { paymentId: payment.id, invoiceNumber: invoice.number, amountCents: payment.amountCents, reference: payment.reference, receivedAt },
      });
    });
    return (await this.billing.invoiceViews([invoiceId])).get(invoiceId)!;
  }

  /** Payments that were refused and flagged, newest first. */
  async listFlags(): Promise<PaymentFlagView[]> {
    const rows: {
      id: string;
      invoice_id: string | null;
      number: string | null;
      provider_event_id: string | null;
      amount_cents: number | null;
      expected_cents: number | null;
      reason: string;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT f.id, f.invoice_id, i.number, f.provider_event_id, f.amount_cents, f.expected_cents, f.reason, f.created_at
       FROM payment_flag f LEFT JOIN invoice i ON i.id = f.invoice_id ORDER BY f.created_at DESC, f.id`,
    );
    return rows.map((r) => ({
      id: r.id,
      invoiceId: r.invoice_id,
      invoiceNumber: r.number,
      providerEventId: r.provider_event_id,
      amountCents: r.amount_cents,
      expectedCents: r.expected_cents,
      reason: r.reason,
      createdAt: r.created_at,
    }));
  }

  /** 400 for a credit note, 409 for an invoice cancelled by a credit note or already paid. */
  private async assertPayable(manager: EntityManager, invoice: Invoice): Promise<void> {
    if (invoice.kind === InvoiceKind.CreditNote)
      throw new InvalidError(`${invoice.number} is a credit note: there is nothing to pay`, 'INVOICE_IS_CREDIT_NOTE');
    const { payment, creditNote } = await this.billing.settlementOf(manager, invoice.id);
    if (creditNote)
      throw new ConflictError(`invoice ${invoice.number} is cancelled by credit note ${creditNote.number}: it is not to be paid`, 'INVOICE_CREDITED');
    if (payment) throw new ConflictError(`invoice ${invoice.number} is already paid: an invoice is paid once`, 'INVOICE_ALREADY_PAID');
  }

  private async handle(outbox: Outbox, event: ProviderEvent): Promise<WebhookOutcome> {
    const session = checkoutSessionOf(event);
    return session ? this.settleCheckout(outbox, event.id, event.created, session) : WebhookOutcome.Ignored;
  }

  private async settleCheckout(outbox: Outbox, eventId: string, created: number, session: CheckoutSession): Promise<WebhookOutcome> {
    // A delayed method completes the session unpaid; its async_payment_succeeded event settles it later.
    if (session.payment_status !== 'paid') return WebhookOutcome.Ignored;
    const tx = outbox.tx;
    const invoiceId = session.client_reference_id ?? session.metadata?.invoiceId ?? null;
    const received = session.amount_total;
    // Locked before anything is checked: two events paying one invoice are looked at one after the other.
    const invoice =
      typeof invoiceId === 'string' && isUuid(invoiceId) ? await tx.findOne(Invoice, { where: { id: invoiceId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!invoice) return this.flag(outbox, eventId, null, received, 'UNKNOWN_INVOICE');
    if (invoice.kind === InvoiceKind.CreditNote) return this.flag(outbox, eventId, invoice, received, 'CREDIT_NOTE');
    const { payment, creditNote } = await this.billing.settlementOf(tx, invoice.id);
    if (creditNote) return this.flag(outbox, eventId, invoice, received, 'INVOICE_CREDITED');
    if (payment) return this.flag(outbox, eventId, invoice, received, 'ALREADY_PAID');
    if (session.currency && session.currency.toLowerCase() !== 'eur') return this.flag(outbox, eventId, invoice, received, 'CURRENCY_MISMATCH');
    if (received !== invoice.totalCents) return this.flag(outbox, eventId, invoice, received, 'AMOUNT_MISMATCH');
    const intentId = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
    const paymentIntent = typeof intentId === 'string' ? intentId : null;
    await this.billing.recordPayment(outbox, invoice, {
      method: PaymentMethod.Card,
      amountCents: received,
      reference: paymentIntent ?? session.id,
      receivedAt: new Date(created * 1000),
      providerEventId: eventId,
      recordedBy: null,
    });
    return WebhookOutcome.Paid;
  }

  /** Keeps the refused payment for the jury and e-mails every jury user (once per event and user). */
  private async flag(outbox: Outbox, eventId: string, invoice: Invoice | null, received: number | null, reason: FlagReason): Promise<WebhookOutcome> {
    const tx = outbox.tx;
    await tx.insert(PaymentFlag, {
      invoiceId: invoice?.id ?? null,
      providerEventId: eventId,
      amountCents: received,
      expectedCents: invoice?.totalCents ?? null,
      reason: FLAG_REASONS[reason].en,
    });
    const jury = await juryRecipients(tx);
    await outbox.notify(
      ...jury.map((user) => {
        const locale: Locale = user.locale === 'en' ? 'en' : 'fr';
        return {
          template: 'payment-mismatch' as const,
          to: user.email,
          locale,
          data: {
            invoiceNumber: invoice?.number ?? null,
            expected: invoice ? formatEuros(invoice.totalCents, locale) : null,
            received: received === null ? '—' : formatEuros(received, locale),
            eventId,
            reason: FLAG_REASONS[reason][locale],
          },
          dedupeKey: `payment-mismatch:${eventId}:${user.userId}`,
        };
      }),
    );
    return WebhookOutcome.Flagged;
  }
}
