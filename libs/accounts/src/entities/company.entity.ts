import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('company')
@Check('company_identified', 'siren IS NOT NULL OR foreign_registration_number IS NOT NULL')
export class Company {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'legal_name', type: 'text' })
  legalName: string;

  @Column({ type: 'char', length: 9, nullable: true, unique: true })
  siren: string | null;

  @Column({ name: 'foreign_registration_number', type: 'text', nullable: true })
  foreignRegistrationNumber: string | null;

  @Column({ name: 'vat_number', type: 'text', nullable: true })
  vatNumber: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ name: 'billing_address', type: 'text' })
  billingAddress: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
