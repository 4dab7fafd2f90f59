import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isUniqueViolation } from '@app/core';
import { randomSiren } from './fixtures';

/** Seeds for the task tests, straight in SQL (the profile routes are tested elsewhere). */
type Q = Pick<DataSource, 'query'>;
const DAY = 24 * 3600_000;

/** An edition in TESTING whose test period is [start, end), in a free year. */
export async function seedTestingEdition(db: Q, start: Date, end: Date, timezone = 'Europe/Paris'): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      const [row] = await db.query(
        `INSERT INTO edition (year, name, timezone, status, registration_opens_at, registration_deadline, payment_due_at,
                              test_period_start, test_period_end, results_publish_at)
         VALUES ($1, $2, $3, 'TESTING', $4, $5, $5, $6, $7, $8) RETURNING id`,
        [
          randomInt(2000, 2101),
          `Palmares tâches ${randomUUID().slice(0, 4)}`,
          timezone,
          new Date(start.getTime() - 60 * DAY),
          new Date(start.getTime() - 20 * DAY),
          start,
          end,
          new Date(end.getTime() + 30 * DAY),
        ],
      );
      return row.id;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error('no free edition year');
}

export async function seedCategory(
  db: Q,
  editionId: string,
  quotas: Record<string, number> = { PHONE: 10 },
  scenarios: { channel: string; text: string }[] = [
    { channel: 'PHONE', text: 'Demander comment résilier' },
    { channel: 'PHONE', text: 'Signaler une erreur de facturation' },
    { channel: 'EMAIL', text: 'Demander un duplicata' },
  ],
): Promise<{ id: string; code: string }> {
  const code = `sector-${randomUUID().slice(0, 8)}`;
  const [row] = await db.query(
    `INSERT INTO category (edition_id, code, name, entry_fee_cents, licence_fee_cents, quotas, weights, grids, scenarios)
     VALUES ($1, $2, $3, 1368000, 2160000, $4, $5, '{}', $6) RETURNING id, code`,
    [
      editionId,
      code,
      `Secteur ${code}`,
      JSON.stringify(quotas),
      JSON.stringify(Object.fromEntries(Object.keys(quotas).map((k) => [k, 100 / Object.keys(quotas).length]))),
      JSON.stringify(scenarios),
    ],
  );
  return row;
}

/** A company with one user at `domain`, and its entry IN_TEST. */
export async function seedEntry(
  db: Q,
  editionId: string,
  categoryId: string,
  options: { domain?: string; contactPoints?: Record<string, string[]> } = {},
): Promise<{ entryId: string; companyId: string; siren: string; domain: string }> {
  const siren = randomSiren();
  const domain = options.domain ?? `co-${randomUUID().slice(0, 8)}.fr`;
  const [company] = await db.query(
    `INSERT INTO company (legal_name, siren, country, billing_address) VALUES ($1, $2, 'FR', '1 rue de la Paix, Paris') RETURNING id`,
    [`Entreprise ${siren}`, siren],
  );
  await db.query(`INSERT INTO app_user (email, password_hash, role, company_id) VALUES ($1, 'x', 'COMPANY', $2)`, [
    `contact-${randomUUID().slice(0, 8)}@${domain}`,
    company.id,
  ]);
  const [entry] = await db.query(
    `INSERT INTO entry (edition_id, category_id, company_id, status, contact_points, confirmed_at) VALUES ($1, $2, $3, 'IN_TEST', $4, now()) RETURNING id`,
    [
      editionId,
      categoryId,
      company.id,
      JSON.stringify(options.contactPoints ?? { PHONE: ['+33 1 00 00 00 01', '+33 1 00 00 00 02'], EMAIL: ['sc@example.fr'] }),
    ],
  );
  return { entryId: entry.id, companyId: company.id, siren, domain };
}

/** A shopper (user with role SHOPPER + profile). */
export async function seedShopper(
  db: Q,
  options: { sectors: string[]; capacity?: number; domain?: string; suspended?: boolean; name?: string; locale?: 'fr' | 'en' },
): Promise<{ id: string; email: string }> {
  const email = `shopper-${randomUUID().slice(0, 12)}@${options.domain ?? 'mail-shoppers.test'}`;
  const [user] = await db.query(`INSERT INTO app_user (email, password_hash, role, name, locale) VALUES ($1, 'x', 'SHOPPER', $2, $3) RETURNING id`, [
    email,
    options.name ?? 'Client mystère',
    options.locale ?? 'fr',
  ]);
  await db.query(`INSERT INTO shopper (user_id, name, sectors, weekly_capacity, suspended_at) VALUES ($1, $2, $3, $4, $5)`, [
    user.id,
    options.name ?? `Shopper ${email.slice(8, 14)}`,
    options.sectors,
    options.capacity ?? 50,
    options.suspended ? new Date() : null,
  ]);
  return { id: user.id, email };
}

/** A Wednesday of a far year, 08:00–20:00 UTC: a sub-day test period, every window in one week. */
export function subDayPeriod(): { start: Date; end: Date } {
  const start = new Date(Date.UTC(2031, 0, 8, 8));
  return { start, end: new Date(start.getTime() + 12 * 3600_000) };
}
