import { randomUUID } from 'node:crypto';
import { Role, TokensService } from '@app/accounts';
import type { TestPlatform } from './platform';
import { uniqueEmail } from './fixtures';

const HOUR = 3600 * 1000;

export interface QuickShopper {
  id: string;
  email: string;
  name: string;
  token: string;
}

/**
 * Shoppers made straight in the database (SHOPPER user + shopper row) with an access token each;
 * the invitation flow itself is tested with the shoppers' profile.
 */
export async function quickShoppers(
  platform: TestPlatform,
  count: number,
  options: { sectors?: string[]; weeklyCapacity?: number; locale?: 'fr' | 'en' } = {},
): Promise<QuickShopper[]> {
  const shoppers: QuickShopper[] = [];
  for (let i = 0; i < count; i++) {
    const email = uniqueEmail('shopper');
    const name = `Client mystère ${randomUUID().slice(0, 6)}`;
    const [user] = await platform.dataSource.query(
      `INSERT INTO app_user (email, password_hash, role, name, locale, email_confirmed_at) VALUES ($1, 'x', 'SHOPPER', $2, $3, now()) RETURNING id`,
      [email, name, options.locale ?? 'fr'],
    );
    await platform.dataSource.query(`INSERT INTO shopper (user_id, name, sectors, weekly_capacity) VALUES ($1, $2, $3, $4)`, [
      user.id,
      name,
      options.sectors ?? [],
      options.weeklyCapacity ?? 50,
    ]);
    const token = platform.api.get(TokensService).issueAccessToken({ id: user.id, role: Role.Shopper, companyId: null });
    shoppers.push({ id: user.id, email, name, token });
  }
  return shoppers;
}

/** An entry already in test, made by SQL (registration and payment are tested elsewhere). */
export async function seedEntryInTest(
  platform: TestPlatform,
  fields: { editionId: string; categoryId: string; companyId: string; contactPoints?: Record<string, string[]> },
): Promise<string> {
  const [entry] = await platform.dataSource.query(
    `INSERT INTO entry (edition_id, category_id, company_id, status, contact_points, confirmed_at) VALUES ($1, $2, $3, 'IN_TEST', $4, now()) RETURNING id`,
    [fields.editionId, fields.categoryId, fields.companyId, JSON.stringify(fields.contactPoints ?? { PHONE: ['+33 1 23 45 67 89'], EMAIL: ['sc@example.fr'] })],
  );
  return entry.id;
}

let nextSlot = 0;

/**
 * A task made by SQL, ASSIGNED to `shopperId` unless told otherwise, with a window around now by default
 * (started an hour ago, ending in two days): tests of the shopper's work do not depend on the assignment engine.
 */
export async function seedTask(
  platform: TestPlatform,
  fields: {
    editionId: string;
    categoryId: string;
    entryId: string;
    companyId: string;
    shopperId: string | null;
    channel?: 'PHONE' | 'EMAIL' | 'WEB' | 'CHAT' | 'SOCIAL';
    status?: string;
    windowStart?: Date;
    windowEnd?: Date;
  },
): Promise<string> {
  const windowStart = fields.windowStart ?? new Date(Date.now() - HOUR);
  const windowEnd = fields.windowEnd ?? new Date(Date.now() + 48 * HOUR);
  const [task] = await platform.dataSource.query(
    `INSERT INTO task (edition_id, category_id, entry_id, company_id, channel, slot, contact_point, scenario, window_start, window_end, week_start,
                       status, shopper_id, assigned_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'Demander comment résilier le contrat', $8, $9, date_trunc('week', $8::timestamptz)::date, $10, $11,
             CASE WHEN $11::uuid IS NULL THEN NULL ELSE now() END)
     RETURNING id`,
    [
      fields.editionId,
      fields.categoryId,
      fields.entryId,
      fields.companyId,
      fields.channel ?? 'PHONE',
      nextSlot++,
      fields.channel === 'EMAIL' ? 'sc@example.fr' : '+33 1 23 45 67 89',
      windowStart,
      windowEnd,
      fields.status ?? (fields.shopperId ? 'ASSIGNED' : 'PENDING'),
      fields.shopperId,
    ],
  );
  return task.id;
}
