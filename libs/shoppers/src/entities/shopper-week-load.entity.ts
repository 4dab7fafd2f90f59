import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** Tasks a shopper holds in one week: checked and incremented in the assignment's transaction (capacity). */
@Entity('shopper_week_load')
@Check('shopper_week_load_assigned_check', 'assigned >= 0')
export class ShopperWeekLoad {
  @PrimaryColumn({ name: 'shopper_id', type: 'uuid' })
  @ForeignKey('shopper', { name: 'shopper_week_load_shopper_id_fkey' })
  shopperId: string;

  /** Monday of the week in the edition's time zone. */
  @PrimaryColumn({ name: 'week_start', type: 'date' })
  weekStart: string;

  @Column({ type: 'int' })
  assigned: number;
}
