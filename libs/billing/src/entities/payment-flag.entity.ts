import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn } from 'typeorm';

/** A payment the platform refused to record (wrong amount, late, unknown invoice), for the jury to look at. */
@Entity('payment_flag')
export class PaymentFlag {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'invoice_id', type: 'uuid', nullable: true })
  @ForeignKey('invoice', { name: 'payment_flag_invoice_id_fkey' })
  invoiceId: string | null;

  @Column({ name: 'provider_event_id', type: 'text', nullable: true, unique: true })
  providerEventId: string | null;

  @Column({ name: 'amount_cents', type: 'int', nullable: true })
  amountCents: number | null;

  @Column({ name: 'expected_cents', type: 'int', nullable: true })
  expectedCents: number | null;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
