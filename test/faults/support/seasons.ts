import type { DataSource } from 'typeorm';
import { seedCategory, seedEntry, seedShopper, seedTestingEdition } from '../../support/tasks-fixtures';

export interface Calendar {
  registrationDeadline: Date;
  paymentDueAt: Date;
  testPeriodStart: Date;
  testPeriodEnd: Date;
}

/** An edition in `status` with this calendar (a free year, made in SQL as the task tests do). */
export async function seedEdition(db: DataSource, status: 'OPEN' | 'CLOSED' | 'TESTING', calendar: Calendar): Promise<string> {
  const id = await seedTestingEdition(db, calendar.testPeriodStart, calendar.testPeriodEnd);
  await db.query(`UPDATE edition SET status = $2, registration_opens_at = $3, registration_deadline = $4, payment_due_at = $5 WHERE id = $1`, [
    id,
    status,
    new Date(calendar.registrationDeadline.getTime() - 24 * 3600_000),
    calendar.registrationDeadline,
    calendar.paymentDueAt,
  ]);
  return id;
}

/** A sector category with `entries` entries in `entryStatus` (phone quota `quota`) and `shoppers` shoppers able to take them. */
export async function seedSector(
  db: DataSource,
  editionId: string,
  options: { entries: number; entryStatus: 'CONFIRMED' | 'IN_TEST'; quota: number; shoppers: number },
): Promise<{ id: string; code: string; entryIds: string[] }> {
  const category = await seedCategory(db, editionId, { PHONE: options.quota });
  const entryIds = [];
  for (let i = 0; i < options.entries; i++) entryIds.push((await seedEntry(db, editionId, category.id)).entryId);
  await db.query(`UPDATE entry SET status = $2 WHERE id = ANY($1)`, [entryIds, options.entryStatus]);
  for (let i = 0; i < options.shoppers; i++) await seedShopper(db, { sectors: [category.code], capacity: 20 });
  return { ...category, entryIds };
}

/**
 * The PENDING tasks an edition in test would have after generation (one per phone slot of each entry in test),
 * made in SQL: tasks whose jobs a lost Redis took with it.
 */
export async function seedPendingTasks(db: DataSource, editionId: string): Promise<number> {
  const rows = await db.query(
    `INSERT INTO task (edition_id, category_id, entry_id, company_id, channel, slot, contact_point, scenario, window_start, window_end, week_start)
     SELECT e.edition_id, e.category_id, e.id, e.company_id, 'PHONE', s.slot, e.contact_points -> 'PHONE' ->> 0, 'Demander comment résilier',
            ed.test_period_start, ed.test_period_end, date_trunc('week', ed.test_period_start AT TIME ZONE ed.timezone)::date
       FROM entry e JOIN category c ON c.id = e.category_id JOIN edition ed ON ed.id = e.edition_id,
            generate_series(0, (c.quotas ->> 'PHONE')::int - 1) AS s(slot)
      WHERE e.edition_id = $1 AND e.status = 'IN_TEST'
     RETURNING id`,
    [editionId],
  );
  return rows.length;
}
