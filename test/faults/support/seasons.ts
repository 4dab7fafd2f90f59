import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ApiClient } from '@app/simulation';
import { categoryBody } from '../../support/season';
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
 * PENDING tasks for `slots` more phone slots of each entry in test, from slot `fromSlot` (past those its generation
 * made), made in SQL while Redis is down: tasks whose jobs the lost Redis took with it.
 */
export async function seedPendingTasks(db: DataSource, editionId: string, options: { slots: number; fromSlot: number }): Promise<number> {
  const rows = await db.query(
    `INSERT INTO task (edition_id, category_id, entry_id, company_id, channel, slot, contact_point, scenario, window_start, window_end, week_start)
     SELECT e.edition_id, e.category_id, e.id, e.company_id, 'PHONE', s.slot, e.contact_points -> 'PHONE' ->> 0, 'Demander comment résilier',
            ed.test_period_start, ed.test_period_end, date_trunc('week', ed.test_period_start AT TIME ZONE ed.timezone)::date
       FROM entry e JOIN edition ed ON ed.id = e.edition_id, generate_series($2::int, $2::int + $3::int - 1) AS s(slot)
      WHERE e.edition_id = $1 AND e.status = 'IN_TEST'
     RETURNING id`,
    [editionId, options.fromSlot, options.slots],
  );
  return rows.length;
}

/**
 * An edition made and opened by the jury through the API, as in a real season (opening schedules its calendar),
 * with `categories` phone-only categories of quota 10 and minimum 3 entries.
 */
export async function openEditionThroughApi(
  client: ApiClient,
  jury: string,
  calendar: Calendar,
  categories: number,
): Promise<{ id: string; categoryIds: string[] }> {
  const body = {
    name: 'Élu Service Client',
    timezone: 'Europe/Paris',
    registrationOpensAt: new Date(Date.now() - 3600_000).toISOString(),
    registrationDeadline: calendar.registrationDeadline.toISOString(),
    paymentDueAt: calendar.paymentDueAt.toISOString(),
    testPeriodStart: calendar.testPeriodStart.toISOString(),
    testPeriodEnd: calendar.testPeriodEnd.toISOString(),
    resultsPublishAt: new Date(calendar.testPeriodEnd.getTime() + 3600_000).toISOString(),
  };
  let edition: { id: string } | null = null;
  for (let attempt = 0; attempt < 50 && !edition; attempt++) {
    const response = await client.post('/api/editions', { ...body, year: randomInt(2030, 2101) }, jury);
    if (response.status === 201) edition = response.body;
    else if (response.status !== 409) throw new Error(`edition creation failed: ${JSON.stringify(response.body)}`);
  }
  if (!edition) throw new Error('no free edition year');
  const phoneOnly = categoryBody();
  const categoryIds = [];
  for (let i = 0; i < categories; i++) {
    const category = await client.expectOk('POST', `/api/editions/${edition.id}/categories`, {
      body: {
        ...categoryBody(),
        quotas: { PHONE: 10 },
        weights: { PHONE: 100 },
        grids: { PHONE: phoneOnly.grids.PHONE },
        scenarios: phoneOnly.scenarios.slice(0, 1),
      },
      token: jury,
    });
    categoryIds.push(category.id as string);
  }
  await client.expectOk('POST', `/api/editions/${edition.id}/open`, { token: jury });
  return { id: edition.id, categoryIds };
}

/** Shoppers (capacity 20 a week) for a category, by its id. */
export async function seedShoppersFor(db: DataSource, categoryId: string, count: number): Promise<void> {
  const [category] = await db.query(`SELECT code FROM category WHERE id = $1`, [categoryId]);
  for (let i = 0; i < count; i++) await seedShopper(db, { sectors: [category.code], capacity: 20 });
}
