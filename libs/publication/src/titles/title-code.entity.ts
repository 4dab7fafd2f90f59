import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** The verification code of a title (a winning entry); never changed once made. */
@Entity('title_code')
@Index('title_code_code_key', ['code'], { unique: true })
@Check('title_code_code_check', "code ~ '^[0-9A-HJKMNP-TV-Z]{20}$'")
export class TitleCode {
  @PrimaryColumn({ name: 'entry_id', type: 'uuid' })
  @ForeignKey('entry', { name: 'title_code_entry_id_fkey' })
  entryId: string;

  /** 20 characters of Crockford's base 32: 100 random bits. */
  @Column({ type: 'text' })
  code: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
