import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** A conflict of interest the shopper declared with a company (employee, relative, supplier...). */
@Entity('shopper_conflict')
export class ShopperConflict {
  @PrimaryColumn({ name: 'shopper_id', type: 'uuid' })
  @ForeignKey('shopper', { name: 'shopper_conflict_shopper_id_fkey' })
  shopperId: string;

  @PrimaryColumn({ type: 'char', length: 9 })
  siren: string;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
