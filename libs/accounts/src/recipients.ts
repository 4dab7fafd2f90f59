import type { EntityManager } from 'typeorm';
import type { Locale } from '@app/core';

/** Someone to tell by e-mail, in their language. */
export interface Recipient {
  userId: string;
  email: string;
  locale: Locale;
  companyId: string | null;
  companyName: string | null;
}

/** Every user of these companies (a company's news goes to all its users). */
export async function companyRecipients(tx: EntityManager, companyIds: string[]): Promise<Recipient[]> {
  if (companyIds.length === 0) return [];
  return tx.query(
    `SELECT u.id AS "userId", u.email, u.locale, u.company_id AS "companyId", c.legal_name AS "companyName"
       FROM app_user u JOIN company c ON c.id = u.company_id
      WHERE u.company_id = ANY($1) ORDER BY u.created_at`,
    [companyIds],
  );
}

/** Every jury user (flags and alerts for the organiser). */
export async function juryRecipients(tx: EntityManager): Promise<Recipient[]> {
  return tx.query(`SELECT id AS "userId", email, locale, NULL AS "companyId", NULL AS "companyName" FROM app_user WHERE role = 'JURY' ORDER BY created_at`);
}
