import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { type Locale } from '@app/core';

export const Role = { Company: 'COMPANY', Shopper: 'SHOPPER', Jury: 'JURY' } as const;
export type Role = (typeof Role)[keyof typeof Role];

@Entity('app_user')
@Index('app_user_email_key', ['email'], { unique: true })
@Index('app_user_company_idx', ['companyId'])
@Check('app_user_email_lowercase', 'email = lower(email)')
@Check('app_user_company_role', "(role = 'COMPANY') = (company_id IS NOT NULL)")
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'enum', enum: Object.values(Role), enumName: 'user_role' })
  role: Role;

  @Column({ name: 'company_id', type: 'uuid', nullable: true })
  @ForeignKey('company', { name: 'app_user_company_id_fkey' })
  companyId: string | null;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 2, default: 'fr' })
  locale: Locale;

  @Column({ name: 'email_confirmed_at', type: 'timestamptz', nullable: true })
  emailConfirmedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
