import { Logger } from '@nestjs/common';
import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Length, Max, Min, ValidateIf, ValidateNested, validateSync, type ValidationError } from 'class-validator';
import { InvalidError, MAX_STORED_INT } from '@app/core';

/** The events that settle an invoice; any other type is acknowledged and ignored. */
export const CHECKOUT_EVENTS = ['checkout.session.completed', 'checkout.session.async_payment_succeeded'] as const;

/** 9999-12-31T23:59:59Z, the last second an event's `created` may name. */
const LAST_SECOND = 253_402_300_799;

const isText = (value: unknown) => typeof value === 'string';
/** The amount is kept on a flag when it does not match, in an `int` column. */
const AMOUNT_MESSAGE = `data.object.amount_total must be a whole number of cents from 0 to ${MAX_STORED_INT}`;

class EventData {
  @IsObject({ message: 'data.object must be an object' })
  object: Record<string, unknown>;
}

/** What every provider event must hold before anything is recorded. Fields the platform does not read are let through. */
class ProviderEventSchema {
  @IsString({ message: 'id must be the event id' })
  @Length(1, 255, { message: 'id must be the event id' })
  id: string;

  @IsString({ message: 'type must be the event type' })
  @Length(1, 255, { message: 'type must be the event type' })
  type: string;

  @IsInt({ message: 'created must be a whole number of seconds since 1970' })
  @Min(0, { message: 'created must be a whole number of seconds since 1970' })
  // Beyond year 9999 the instant is no date at all (JavaScript's and Postgres's ranges end before 2**53 seconds).
  @Max(LAST_SECOND, { message: 'created must be a whole number of seconds since 1970' })
  created: number;

  @IsObject({ message: 'data must be an object holding the event object' })
  @ValidateNested()
  @Type(() => EventData)
  data: EventData;
}

/** The checkout session of a checkout event: what {@link PaymentsService} reads to settle an invoice. */
class CheckoutSessionSchema {
  @IsString({ message: 'data.object.id must be the checkout session id' })
  @Length(1, 255, { message: 'data.object.id must be the checkout session id' })
  id: string;

  @IsString({ message: 'data.object.payment_status must be text such as paid' })
  payment_status: string;

  @IsInt({ message: AMOUNT_MESSAGE })
  @Min(0, { message: AMOUNT_MESSAGE })
  @Max(MAX_STORED_INT, { message: AMOUNT_MESSAGE })
  amount_total: number;

  @IsOptional()
  @IsString({ message: 'data.object.currency must be a currency code such as eur' })
  currency?: string | null;

  @IsOptional()
  @IsString({ message: 'data.object.client_reference_id must be text' })
  client_reference_id?: string | null;

  @IsOptional()
  @IsObject({ message: 'data.object.metadata must be an object' })
  metadata?: Record<string, unknown> | null;

  @IsOptional()
  @ValidateIf((_, value) => !isText(value))
  @IsObject({ message: 'data.object.payment_intent must be an id or an object' })
  payment_intent?: string | { id: string } | null;
}

export interface CheckoutSession {
  id: string;
  payment_status: string;
  amount_total: number;
  currency?: string | null;
  client_reference_id?: string | null;
  metadata?: { invoiceId?: unknown } | null;
  payment_intent?: string | { id?: unknown } | null;
}

export interface ProviderEvent {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, unknown> };
}

const isCheckoutEvent = (type: unknown) => CHECKOUT_EVENTS.includes(type as (typeof CHECKOUT_EVENTS)[number]);

/** The checkout session of an event that settles an invoice (checked by {@link readProviderEvent}), or null. */
export const checkoutSessionOf = (event: ProviderEvent): CheckoutSession | null =>
  isCheckoutEvent(event.type) ? (event.data.object as unknown as CheckoutSession) : null;

const logger = new Logger('PaymentWebhook');

/**
 * A signed event read against the strict schema: one the platform cannot use is refused with a 400 naming
 * the field (and logged with its id), before anything is recorded. Signed does not mean well-formed.
 */
export function readProviderEvent(parsed: unknown): ProviderEvent {
  const event = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  const errors = event ? check(ProviderEventSchema, event) : ['the event must be a JSON object'];
  if (errors.length === 0 && isCheckoutEvent(event!.type)) errors.push(...check(CheckoutSessionSchema, (event!.data as EventData).object));
  if (errors.length > 0) {
    const id = typeof event?.id === 'string' ? event.id : '(no id)';
    logger.warn(`payment event ${id} refused: ${errors.join('; ')}`);
    throw new InvalidError(`the payment event cannot be used: ${errors.join('; ')}`, 'WEBHOOK_EVENT_INVALID');
  }
  return event as unknown as ProviderEvent;
}

function check(schema: new () => object, value: object): string[] {
  const errors = validateSync(plainToInstance(schema, value), { forbidUnknownValues: false });
  return flatten(errors);
}

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [...Object.values(e.constraints ?? {}), ...flatten(e.children ?? [])]);
}
