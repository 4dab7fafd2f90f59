import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** Tasks a shopper was given on one company in one edition: checked and incremented on assignment (rotation). */
@Entity('shopper_company_load')
@Check('shopper_company_load_assigned_check', 'assigned >= 0')
export class ShopperCompanyLoad {
  @PrimaryColumn({ name: 'shopper_id', type: 'uuid' })
  @ForeignKey('shopper', { name: 'shopper_company_load_shopper_id_fkey' })
  shopperId: string;

  @PrimaryColumn({ name: 'company_id', type: 'uuid' })
  @ForeignKey('company', { name: 'shopper_company_load_company_id_fkey' })
  companyId: string;

  @PrimaryColumn({ name: 'edition_id', type: 'uuid' })
  @ForeignKey('edition', { name: 'shopper_company_load_edition_id_fkey' })
  editionId: string;

  @Column({ type: 'int' })
  assigned: number;
}
