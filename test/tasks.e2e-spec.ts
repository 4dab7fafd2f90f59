import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { AssignmentDigests, TaskAssignment, TaskDeadlines, TaskGeneration, TaskStates } from '@app/shoppers';
import { TestPlatform } from './support/platform';
import { seedCategory, seedEntry, seedShopper, seedTestingEdition, subDayPeriod } from './support/tasks-fixtures';

describe('tasks: generation and assignment rules', () => {
  let platform: TestPlatform;
  let db: DataSource;
  let generation: TaskGeneration;
  let assignment: TaskAssignment;
  /** One sub-day edition shared by the assignment tests (edition years are few); each test has its own sector. */
  let sharedEdition: string;

  beforeAll(async () => {
    platform = await TestPlatform.start({ worker: false });
    db = platform.dataSource;
    generation = platform.api.get(TaskGeneration);
    assignment = platform.api.get(TaskAssignment);
    const { start, end } = subDayPeriod();
    sharedEdition = await seedTestingEdition(db, start, end);
  });
  afterAll(async () => {
    // Leave no live sector behind: a later test file's worker would otherwise take up this file's PENDING tasks.
    await db.query(`UPDATE edition SET status = 'SCORING' WHERE name LIKE 'Palmares tâches %'`);
    await platform.close();
  });

  const tasksOf = (entryId: string) =>
    db.query(
      `SELECT id, channel, slot, contact_point, scenario, window_start, window_end, week_start::text AS week_start, status, shopper_id FROM task WHERE entry_id = $1 ORDER BY channel, slot`,
      [entryId],
    );
  const idsOf = async (entryId: string) => (await tasksOf(entryId)).map((t: { id: string }) => t.id as string);

  /** A fresh sector with one entry of `tasks` PHONE tasks in a sub-day period (one week). */
  async function sector(tasks: number, entryOptions: { domain?: string } = {}) {
    const editionId = sharedEdition;
    const category = await seedCategory(db, editionId, { PHONE: tasks });
    const entry = await seedEntry(db, editionId, category.id, { ...entryOptions, contactPoints: { PHONE: ['+33 1 00 00 00 01'] } });
    await generation.generateForEdition(editionId);
    return { editionId, category, entry, taskIds: await idsOf(entry.entryId) };
  }
  const assignedTo = async (taskIds: string[]) =>
    (await db.query(`SELECT shopper_id FROM task WHERE id = ANY($1) AND status = 'ASSIGNED'`, [taskIds])).map((r: { shopper_id: string }) => r.shopper_id);

  describe('generation', () => {
    it('is idempotent, keeps every window inside the test period and spreads windows over every slot kind', async () => {
      // Monday 6 January 2031 to Sunday 2 March 2031 in Paris: eight weeks.
      const start = new Date('2031-01-05T23:00:00Z');
      const end = new Date('2031-03-02T23:00:00Z');
      const editionId = await seedTestingEdition(db, start, end);
      const category = await seedCategory(db, editionId, { PHONE: 25, EMAIL: 10, WEB: 5 });
      const a = await seedEntry(db, editionId, category.id);
      const b = await seedEntry(db, editionId, category.id);
      const first = await generation.generateForEdition(editionId);
      // WEB has no contact point: not tested.
      expect(first.created).toBe(2 * 35);
      const second = await generation.generateForEdition(editionId);
      expect(second.created).toBe(0);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM task WHERE edition_id = $1`, [editionId]);
      expect(n).toBe(70);

      for (const entry of [a, b]) {
        const tasks = await tasksOf(entry.entryId);
        const kinds = new Map<string, number>();
        for (const t of tasks) {
          expect(t.window_start.getTime()).toBeGreaterThanOrEqual(start.getTime());
          expect(t.window_end.getTime()).toBeLessThanOrEqual(end.getTime());
          expect(t.window_start.getTime()).toBeLessThan(t.window_end.getTime());
          const local = new Date(t.window_start.getTime() + 3600_000); // Paris in winter: UTC+1
          const day = local.getUTCDay();
          expect(day).not.toBe(0);
          const hour = local.getUTCHours();
          const kind = day === 6 ? 'SATURDAY' : hour < 12 ? 'MORNING' : hour < 14 ? 'LUNCH' : hour < 18 ? 'AFTERNOON' : 'EVENING';
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
          // week_start is the Monday of the window's week
          const monday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - ((day + 6) % 7)));
          expect(t.week_start).toBe(monday.toISOString().slice(0, 10));
        }
        // 35 tasks over 5 slot kinds: each kind 7 times (25 PHONE = 5×5, 10 EMAIL = 5×2).
        expect([...kinds.keys()].sort()).toEqual(['AFTERNOON', 'EVENING', 'LUNCH', 'MORNING', 'SATURDAY']);
        for (const count of kinds.values()) expect(count).toBe(7);
        // Spread over the period: tasks fall in at least 6 of the 8 weeks.
        expect(new Set(tasks.map((t: { week_start: string }) => t.week_start)).size).toBeGreaterThanOrEqual(6);
        // Contact points round-robin, scenarios from the channel's bank.
        const phone = tasks.filter((t: { channel: string }) => t.channel === 'PHONE');
        expect(new Set(phone.map((t: { contact_point: string }) => t.contact_point)).size).toBe(2);
        expect(new Set(phone.map((t: { scenario: string }) => t.scenario))).toEqual(
          new Set(['Demander comment résilier', 'Signaler une erreur de facturation']),
        );
        expect(tasks.filter((t: { channel: string }) => t.channel === 'EMAIL').every((t: { scenario: string }) => t.scenario === 'Demander un duplicata')).toBe(
          true,
        );
      }
    });

    it('cuts a test period shorter than a day into even windows', async () => {
      const { start, end } = subDayPeriod();
      const editionId = await seedTestingEdition(db, start, end);
      const category = await seedCategory(db, editionId, { PHONE: 6 });
      const entry = await seedEntry(db, editionId, category.id);
      await generation.generateForEdition(editionId);
      const tasks = await tasksOf(entry.entryId);
      expect(tasks).toHaveLength(6);
      tasks.forEach((t: { window_start: Date; window_end: Date }, i: number) => {
        expect(t.window_start.getTime()).toBe(start.getTime() + i * 2 * 3600_000);
        expect(t.window_end.getTime()).toBe(start.getTime() + (i + 1) * 2 * 3600_000);
      });
    });
  });

  describe('eligibility (each rule has a case that fails without it)', () => {
    it('sector: a shopper of another sector gets nothing', async () => {
      const s = await sector(10);
      await seedShopper(db, { sectors: ['another-sector'] });
      const r = await assignment.assignBatch(s.taskIds);
      expect(r.assigned).toHaveLength(0);
      expect(r.unassignable).toHaveLength(10);
    });

    it('suspended: a suspended shopper gets nothing', async () => {
      const s = await sector(10);
      await seedShopper(db, { sectors: [s.category.code], suspended: true });
      const active = await seedShopper(db, { sectors: [s.category.code] });
      const r = await assignment.assignBatch(s.taskIds);
      expect(r.assigned).toHaveLength(1); // rotation limit of 10 tasks: 1
      expect(await assignedTo(s.taskIds)).toEqual([active.id]);
    });

    it('conflict by SIREN: the shopper who declared one gets nothing of that company', async () => {
      const s = await sector(10);
      const conflicted = await seedShopper(db, { sectors: [s.category.code] });
      await db.query(`INSERT INTO shopper_conflict (shopper_id, siren, reason) VALUES ($1, $2, 'ancien salarié')`, [conflicted.id, s.entry.siren]);
      const r = await assignment.assignBatch(s.taskIds);
      expect(r.assigned).toHaveLength(0);
    });

    it("conflict by e-mail domain: a shopper at the company's domain gets nothing of it", async () => {
      const s = await sector(10, { domain: 'banque-exemple.fr' });
      await seedShopper(db, { sectors: [s.category.code], domain: 'banque-exemple.fr' });
      const r = await assignment.assignBatch(s.taskIds);
      expect(r.assigned).toHaveLength(0);
      const other = await seedShopper(db, { sectors: [s.category.code], domain: 'ailleurs.fr' });
      expect((await assignment.assignBatch(s.taskIds)).assigned).toHaveLength(1);
      expect(await assignedTo(s.taskIds)).toEqual([other.id]);
    });

    it('capacity: never more than weekly_capacity tasks in one week', async () => {
      const s = await sector(40); // rotation limit 4
      const shopper = await seedShopper(db, { sectors: [s.category.code], capacity: 3 });
      const r = await assignment.assignBatch(s.taskIds);
      expect(r.assigned).toHaveLength(3);
      expect(await assignedTo(s.taskIds)).toEqual([shopper.id, shopper.id, shopper.id]);
      const [load] = await db.query(`SELECT assigned FROM shopper_week_load WHERE shopper_id = $1`, [shopper.id]);
      expect(load.assigned).toBe(3);
    });

    it('rotation: at most max(1, 10 %) of a company’s tasks per shopper', async () => {
      const s = await sector(25); // limit floor(2.5) = 2
      const shopper = await seedShopper(db, { sectors: [s.category.code], capacity: 100 });
      const r = await assignment.assignBatch(s.taskIds);
      expect(r.assigned).toHaveLength(2);
      const [load] = await db.query(`SELECT assigned FROM shopper_company_load WHERE shopper_id = $1`, [shopper.id]);
      expect(load.assigned).toBe(2);
    });

    it('refusal: a shopper who declined a task never gets it back; decline, expiry and suspension free the loads', async () => {
      const s = await sector(10);
      const first = await seedShopper(db, { sectors: [s.category.code] });
      const task = s.taskIds[0];
      await assignment.assignBatch([task]);
      expect(await assignedTo([task])).toEqual([first.id]);
      await db.transaction((tx) => platform.api.get(TaskStates).decline(tx, task, first.id, 'indisponible'));
      const [loadAfter] = await db.query(`SELECT assigned FROM shopper_week_load WHERE shopper_id = $1`, [first.id]);
      expect(loadAfter.assigned).toBe(0);
      expect((await assignment.assignBatch([task])).unassignable).toEqual([task]);
      const second = await seedShopper(db, { sectors: [s.category.code] });
      await assignment.assignBatch([task]);
      expect(await assignedTo([task])).toEqual([second.id]);

      // expiry, then the replacement goes to someone else than both
      expect(await db.transaction((tx) => platform.api.get(TaskStates).expire(tx, task))).toBe(true);
      expect(await db.transaction((tx) => platform.api.get(TaskStates).expire(tx, task))).toBe(false);
      const replacement = await db.transaction((tx) => generation.createReplacement(tx, task, new Date('2031-01-08T09:00:00Z')));
      expect(replacement).not.toBeNull();
      const again = await db.transaction((tx) => generation.createReplacement(tx, task, new Date('2031-01-08T09:00:00Z')));
      expect(again!.id).toBe(replacement!.id);
      const refusals = await db.query(`SELECT shopper_id, kind FROM task_refusal WHERE task_id = $1 ORDER BY kind`, [replacement!.id]);
      expect(refusals).toEqual([
        { shopper_id: first.id, kind: 'DECLINED' },
        { shopper_id: second.id, kind: 'EXPIRED' },
      ]);
      expect((await assignment.assignBatch([replacement!.id])).unassignable).toEqual([replacement!.id]);
      const third = await seedShopper(db, { sectors: [s.category.code] });
      await assignment.assignBatch([replacement!.id]);
      expect(await assignedTo([replacement!.id])).toEqual([third.id]);

      // suspension releases the shopper's tasks
      const released = await db.transaction((tx) => platform.api.get(TaskStates).releaseForSuspension(tx, third.id));
      expect(released).toEqual([replacement!.id]);
      const [{ status }] = await db.query(`SELECT status FROM task WHERE id = $1`, [replacement!.id]);
      expect(status).toBe('PENDING');
    });

    it('choice: least loaded first, then lowest id', async () => {
      const s = await sector(30); // limit 3
      const a = await seedShopper(db, { sectors: [s.category.code] });
      const b = await seedShopper(db, { sectors: [s.category.code] });
      const r = await assignment.assignBatch(s.taskIds);
      expect(r.assigned).toHaveLength(6);
      const owners = await assignedTo(s.taskIds);
      expect(owners.filter((o: string) => o === a.id)).toHaveLength(3);
      expect(owners.filter((o: string) => o === b.id)).toHaveLength(3);
      // the first task (lowest id) went to the lowest shopper id: both had no load
      const [first] = await db.query(`SELECT shopper_id FROM task WHERE id = $1`, [[...s.taskIds].sort()[0]]);
      expect(first.shopper_id).toBe([a.id, b.id].sort()[0]);
    });
  });

  it('property: over random shopper pools, never over capacity or rotation, never ineligible, every assignable task assigned', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          entries: fc.integer({ min: 1, max: 3 }),
          quota: fc.integer({ min: 5, max: 25 }),
          shoppers: fc.array(
            fc.record({
              inSector: fc.boolean(),
              capacity: fc.integer({ min: 1, max: 6 }),
              suspended: fc.boolean(),
              conflict: fc.integer({ min: -1, max: 2 }),
              sameDomain: fc.integer({ min: -1, max: 2 }),
            }),
            { minLength: 0, maxLength: 8 },
          ),
        }),
        async ({ entries: entryCount, quota, shoppers: pool }) => {
          const editionId = sharedEdition;
          const category = await seedCategory(db, editionId, { PHONE: quota });
          const entries = [];
          for (let i = 0; i < entryCount; i++) entries.push(await seedEntry(db, editionId, category.id, { contactPoints: { PHONE: ['+33 1'] } }));
          await generation.generateForEdition(editionId);
          const shoppers: ((typeof pool)[number] & { id: string })[] = [];
          for (const p of pool) {
            const shopper = await seedShopper(db, {
              sectors: p.inSector ? [category.code] : ['elsewhere'],
              capacity: p.capacity,
              suspended: p.suspended,
              domain: p.sameDomain >= 0 && p.sameDomain < entries.length ? entries[p.sameDomain].domain : undefined,
            });
            if (p.conflict >= 0 && p.conflict < entries.length) {
              await db.query(`INSERT INTO shopper_conflict (shopper_id, siren, reason) VALUES ($1, $2, 'x')`, [shopper.id, entries[p.conflict].siren]);
            }
            shoppers.push({ ...p, id: shopper.id });
          }
          const taskIds: string[] = (await db.query(`SELECT id FROM task WHERE category_id = $1`, [category.id])).map((r: { id: string }) => r.id);
          // two overlapping batches, concurrently
          await Promise.all([
            assignment.assignBatch(taskIds.slice(0, Math.ceil(taskIds.length * 0.7))),
            assignment.assignBatch(taskIds.slice(Math.floor(taskIds.length * 0.3))),
          ]);
          await assignment.assignBatch(taskIds);

          const rows: { shopper_id: string | null; company_id: string; status: string }[] = await db.query(
            `SELECT shopper_id, company_id, status FROM task WHERE category_id = $1`,
            [category.id],
          );
          const limit = Math.max(1, Math.floor(quota / 10));
          for (const s of shoppers) {
            const mine = rows.filter((r) => r.shopper_id === s.id);
            expect(mine.length).toBeLessThanOrEqual(s.capacity);
            if (!s.inSector || s.suspended) expect(mine).toHaveLength(0);
            entries.forEach((e, i) => {
              const ofCompany = mine.filter((r) => r.company_id === e.companyId).length;
              expect(ofCompany).toBeLessThanOrEqual(limit);
              if (s.conflict === i || s.sameDomain === i) expect(ofCompany).toBe(0);
            });
          }
          // every assignable task assigned: a task left PENDING means no shopper could have taken it.
          entries.forEach((e, i) => {
            const pending = rows.filter((r) => r.company_id === e.companyId && r.status === 'PENDING').length;
            if (pending === 0) return;
            for (const s of shoppers) {
              if (!s.inSector || s.suspended || s.conflict === i || s.sameDomain === i) continue;
              const mine = rows.filter((r) => r.shopper_id === s.id);
              const full = mine.length >= s.capacity || mine.filter((r) => r.company_id === e.companyId).length >= limit;
              expect(full).toBe(true);
            }
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it('flags unassignable tasks to the jury once per category and day, and sends one digest per shopper', async () => {
    const s = await sector(20); // limit 2
    const juryEmail = `jury-${Date.now()}@palmares.test`;
    await db.query(`INSERT INTO app_user (email, password_hash, role) VALUES ($1, 'x', 'JURY')`, [juryEmail]);
    const shopper = await seedShopper(db, { sectors: [s.category.code], name: 'Camille', locale: 'en' });
    const r = await assignment.assignBatch(s.taskIds);
    expect(r.assigned).toHaveLength(2);
    expect(await assignment.markUnassignable(r.unassignable.slice(0, 5))).toBe(5);
    expect(await assignment.markUnassignable(r.unassignable.slice(5))).toBe(r.unassignable.length - 5);
    const flagged = await db.query(`SELECT template, data FROM notification WHERE recipient = $1 AND template = 'tasks-unassignable'`, [juryEmail]);
    expect(flagged).toHaveLength(1);
    expect(flagged[0].data.count).toBe(5);

    expect(await platform.api.get(AssignmentDigests).sendAssignmentDigests()).toBeGreaterThanOrEqual(1);
    expect(await platform.api.get(AssignmentDigests).sendAssignmentDigests()).toBe(0);
    const digests = await db.query(`SELECT data, locale FROM notification WHERE recipient = $1 AND template = 'task-assigned-digest'`, [shopper.email]);
    expect(digests).toHaveLength(1);
    expect(digests[0].data.count).toBe(2);
    expect(digests[0].data.tasks[0].window).toMatch(/Europe\/Paris/);
  });

  describe('demonstration season: task timings scale with a sub-day test period', () => {
    const SECOND = 1000;
    /**
     * A 2-minute test period around the present: grace 6 s (period / 20), replacements of 12 s (period / 10). Its ten
     * PHONE windows are 12 s long; only those ending after the real clock's now are used, so that no real-clock job
     * could expire them first, and every instant given to the deadlines is explicit.
     */
    let start: Date;
    let end: Date;
    let code: string;
    let slots: { id: string; window_end: Date }[];
    let deadlines: TaskDeadlines;

    beforeAll(async () => {
      deadlines = platform.api.get(TaskDeadlines);
      const now = Date.now();
      start = new Date(now - 60 * SECOND);
      end = new Date(now + 60 * SECOND);
      const editionId = await seedTestingEdition(db, start, end);
      const category = await seedCategory(db, editionId, { PHONE: 10 });
      code = category.code;
      const entry = await seedEntry(db, editionId, category.id, { contactPoints: { PHONE: ['+33 1 00 00 00 01'] } });
      await generation.generateForEdition(editionId);
      slots = await tasksOf(entry.entryId);
      expect(slots.map((t) => t.window_end.getTime() - start.getTime())).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => k * 12 * SECOND));
    });

    /** Assigns one task (a fresh shopper: the rotation limit of 10 tasks is 1 per shopper). */
    async function assign(taskId: string) {
      await seedShopper(db, { sectors: [code] });
      expect((await assignment.assignBatch([taskId])).assigned).toEqual([taskId]);
    }
    const statusOf = async (id: string) => (await db.query(`SELECT status FROM task WHERE id = $1`, [id]))[0].status;
    const replacementOf = async (id: string): Promise<{ window_start: Date; window_end: Date } | undefined> =>
      (await db.query(`SELECT window_start, window_end FROM task WHERE replaces_task_id = $1`, [id]))[0];

    it('an assigned task not submitted expires once its window end + period / 20 has passed, not before; its replacement runs from now for period / 10', async () => {
      const task = slots[6]; // ends 24 s after the real now
      await assign(task.id);
      const overdueAt = task.window_end.getTime() + 6 * SECOND;
      await deadlines.expireOverdue(new Date(overdueAt - 2 * SECOND));
      await deadlines.expireOverdue(new Date(overdueAt));
      expect(await statusOf(task.id)).toBe('ASSIGNED');
      expect(await replacementOf(task.id)).toBeUndefined();

      const now = new Date(overdueAt + 1);
      await deadlines.expireOverdue(now);
      expect(await statusOf(task.id)).toBe('EXPIRED');
      const replacement = await replacementOf(task.id);
      expect(replacement).toBeDefined();
      expect(replacement!.window_start.getTime()).toBe(now.getTime());
      expect(replacement!.window_end.getTime()).toBe(now.getTime() + 12 * SECOND);
    });

    it('a replacement is clipped at the test period end, and none is made when less than 5 s would be left', async () => {
      const clipped = slots[8]; // ends 12 s before the period end: overdue 6 s before it
      await assign(clipped.id);
      const now = new Date(end.getTime() - 5.5 * SECOND);
      await deadlines.expireOverdue(now);
      expect(await statusOf(clipped.id)).toBe('EXPIRED');
      const replacement = await replacementOf(clipped.id);
      expect(replacement).toBeDefined();
      expect(replacement!.window_start.getTime()).toBe(now.getTime());
      expect(replacement!.window_end.getTime()).toBe(end.getTime());

      const tooLate = slots[7];
      await assign(tooLate.id);
      await deadlines.expireOverdue(new Date(end.getTime() - 4.5 * SECOND));
      expect(await statusOf(tooLate.id)).toBe('EXPIRED');
      expect(await replacementOf(tooLate.id)).toBeUndefined();
    });

    it('sends no due-soon reminder for a task of a demonstration season', async () => {
      const task = slots[9];
      await assign(task.id);
      await deadlines.remindDueSoon(new Date(task.window_end.getTime() - 30 * SECOND));
      const [row] = await db.query(`SELECT status, due_soon_notified_at FROM task WHERE id = $1`, [task.id]);
      expect(row).toEqual({ status: 'ASSIGNED', due_soon_notified_at: null });
      expect(await db.query(`SELECT id FROM notification WHERE dedupe_key = $1`, [`task-due-soon:${task.id}`])).toEqual([]);
    });
  });
});
