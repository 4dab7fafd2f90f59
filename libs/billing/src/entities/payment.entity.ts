import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const PaymentMethod = { Card: 'CARD', BankTransfer: 'BANK_TRANSFER' } as const;
export type PaymentMethod = (typeof PaymentMethod)[keyof typeof PaymentMethod];

/** One payment settles one invoice in full (a unique index makes a second one impossible). */
@Entity('payment')
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId: string;

  @Column({ type: 'text' })
  method: PaymentMethod;

  @Column({ name: 'amount_cents', type: 'int' })
  amountCents: number;

  /** The bank reference of a transfer, or the provider's payment id of a card payment. */
  @Column({ type: 'text' })
  reference: string;

  @Column({ name: 'provider_event_id', type: 'text', nullable: true })
  providerEventId: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
