import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from '@app/core';

export const PaymentMethod = { Card: 'CARD', BankTransfer: 'BANK_TRANSFER' } as const;
export type PaymentMethod = (typeof PaymentMethod)[keyof typeof PaymentMethod];

/** One payment settles one invoice in full (a unique index makes a second one impossible). */
@Entity('payment')
@Index('payment_one_per_invoice', ['invoiceId'], { unique: true })
@Check('payment_method_check', oneOf('method', Object.values(PaymentMethod)))
@Check('payment_amount_cents_check', 'amount_cents > 0')
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'invoice_id', type: 'uuid' })
  @ForeignKey('invoice', { name: 'payment_invoice_id_fkey' })
  invoiceId: string;

  @Column({ type: 'text' })
  method: PaymentMethod;

  @Column({ name: 'amount_cents', type: 'int' })
  amountCents: number;

  /** The bank reference of a transfer, or the provider's payment id of a card payment. */
  @Column({ type: 'text' })
  reference: string;

  @Column({ name: 'provider_event_id', type: 'text', nullable: true, unique: true })
  providerEventId: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  @ForeignKey('app_user', { name: 'payment_recorded_by_fkey' })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
