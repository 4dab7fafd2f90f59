import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale } from '../entities/user.entity';

export const LinkPurpose = { PasswordReset: 'PASSWORD_RESET', ColleagueInvitation: 'COLLEAGUE_INVITATION' } as const;
export type LinkPurpose = (typeof LinkPurpose)[keyof typeof LinkPurpose];

/** A single-use link sent by e-mail (only the SHA-256 of its token is kept). */
@Entity('account_link')
@Index('account_link_hash_key', ['tokenHash'], { unique: true })
@Index('account_link_user_idx', ['userId'])
@Check('account_link_email_check', 'email = lower(email)')
@Check('account_link_subject', "(purpose = 'PASSWORD_RESET' AND user_id IS NOT NULL) OR (purpose = 'COLLEAGUE_INVITATION' AND company_id IS NOT NULL)")
export class AccountLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: Object.values(LinkPurpose), enumName: 'account_link_purpose' })
  purpose: LinkPurpose;

  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  @Column({ type: 'text' })
  email: string;

  /** The account whose password a reset link changes. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  @ForeignKey('app_user', { name: 'account_link_user_id_fkey', onDelete: 'CASCADE' })
  userId: string | null;

  /** The company an invitation joins. */
  @Column({ name: 'company_id', type: 'uuid', nullable: true })
  @ForeignKey('company', { name: 'account_link_company_id_fkey', onDelete: 'CASCADE' })
  companyId: string | null;

  @Column({ type: 'varchar', length: 2, default: 'fr' })
  locale: Locale;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey('app_user', { name: 'account_link_created_by_fkey', onDelete: 'SET NULL' })
  createdBy: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
