import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A conflict of interest the shopper declared with a company (employee, relative, supplier...). */
@Entity('shopper_conflict')
export class ShopperConflict {
  @PrimaryColumn({ name: 'shopper_id', type: 'uuid' })
  shopperId: string;

  @PrimaryColumn({ type: 'char', length: 9 })
  siren: string;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
