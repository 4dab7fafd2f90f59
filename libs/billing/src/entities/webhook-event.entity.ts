import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every payment-provider event once: its id is the idempotency key of the webhook. */
@Entity('webhook_event')
export class WebhookEvent {
  @PrimaryColumn({ name: 'provider_event_id', type: 'text' })
  providerEventId: string;

  @Column({ type: 'text' })
  type: string;

  /** `RECEIVED` while it is handled, then what it did (`WebhookOutcome`). */
  @Column({ type: 'text' })
  outcome: string;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
