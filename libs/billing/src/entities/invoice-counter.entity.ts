import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** The gapless numbering: one counter per edition, incremented in the transaction of the invoice it numbers. */
@Entity('invoice_counter')
export class InvoiceCounter {
  @PrimaryColumn({ name: 'edition_id', type: 'uuid' })
  @ForeignKey('edition', { name: 'invoice_counter_edition_id_fkey' })
  editionId: string;

  @Column({ name: 'last_number', type: 'int', default: 0 })
  lastNumber: number;
}
