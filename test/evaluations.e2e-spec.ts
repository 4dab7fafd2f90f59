import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '@app/core';
import { TaskDeadlines } from '@app/shoppers';
import { TestPlatform } from './support/platform';
import { createCategory, createEdition, juryToken, openEdition, quickCompanies } from './support/season';
import { quickShoppers, seedEntryInTest, seedTask, type QuickShopper } from './support/shoppers';
import { waitFor } from '@app/simulation';

const HOUR = 3600 * 1000;

/** A grid with decimal weights, to check the score by hand: 20 × (1.5×3 + 2×2 + 0.25×1) / (1.5×4 + 2×3 + 0.25×1) = 175 / 12.25. */
const PHONE_GRID = [
  { key: 'greeting', label: 'Accueil', max: 4, weight: 1.5 },
  { key: 'answer', label: 'Exactitude de la réponse', max: 3, weight: 2 },
  { key: 'courtesy', label: 'Courtoisie', max: 1, weight: 0.25 },
];
const EMAIL_GRID = [
  { key: 'clarity', label: 'Clarté', max: 4, weight: 1 },
  { key: 'accuracy', label: 'Exactitude', max: 4, weight: 1 },
];
const GOOD_PHONE = { greeting: 3, answer: 2, courtesy: 1 };

describe('evaluations: shoppers at work on their tasks, and the jury review', () => {
  let platform: TestPlatform;
  let jury: string;
  let season: { editionId: string; categoryId: string; companyId: string; companyName: string; companyToken: string; entryId: string };
  let alice: QuickShopper;
  let bob: QuickShopper;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    jury = await juryToken(platform);
    const edition = await createEdition(platform, jury);
    const category = await createCategory(platform, jury, edition.id, { grids: { PHONE: PHONE_GRID, EMAIL: EMAIL_GRID } });
    await openEdition(platform, jury, edition.id);
    const [company] = await quickCompanies(platform, 1);
    const entryId = await seedEntryInTest(platform, { editionId: edition.id, categoryId: category.id, companyId: company.id });
    season = { editionId: edition.id, categoryId: category.id, companyId: company.id, companyName: company.name, companyToken: company.token, entryId };
    // No sector: nobody is eligible for a declined or replacement task, so nothing is reassigned under the tests' feet.
    [alice, bob] = await quickShoppers(platform, 2);
  });
  afterAll(async () => {
    await platform.close();
  });

  const task = (shopper: QuickShopper | null, overrides: Partial<Parameters<typeof seedTask>[1]> = {}) =>
    seedTask(platform, {
      editionId: season.editionId,
      categoryId: season.categoryId,
      entryId: season.entryId,
      companyId: season.companyId,
      shopperId: shopper?.id ?? null,
      ...overrides,
    });
  const submit = (shopper: { token: string }, taskId: string, body: Record<string, unknown> = {}) =>
    platform.client.post(
      `/api/tasks/${taskId}/evaluation`,
      {
        performedAt: new Date(Date.now() - 10 * 60 * 1000).toISOString(),
        answers: GOOD_PHONE,
        facts: { waitSeconds: 42, resolved: true },
        comment: 'RAS',
        ...body,
      },
      shopper.token,
    );
  const taskRow = async (id: string) => (await platform.dataSource.query(`SELECT * FROM task WHERE id = $1`, [id]))[0];
  const evaluationCount = async (taskId: string) =>
    Number((await platform.dataSource.query(`SELECT count(*) FROM evaluation WHERE task_id = $1`, [taskId]))[0].count);

  describe('reading tasks', () => {
    it('a shopper lists and reads their own task, with contact point, scenario, window and the channel grid', async () => {
      const id = await task(alice);
      const list = await platform.client.get('/api/tasks?status=ASSIGNED', alice.token);
      expect(list.status).toBe(200);
      expect(list.body.map((t: { id: string }) => t.id)).toContain(id);
      expect(list.body.every((t: { shopperId: string }) => t.shopperId === alice.id)).toBe(true);
      const one = await platform.client.get(`/api/tasks/${id}`, alice.token);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({
        id,
        entryId: season.entryId,
        companyName: season.companyName,
        channel: 'PHONE',
        contactPoint: '+33 1 23 45 67 89',
        scenario: 'Demander comment résilier le contrat',
        status: 'ASSIGNED',
        shopperId: alice.id,
        grid: PHONE_GRID,
      });
      expect(one.body.categoryCode).toMatch(/^banking-/);
      expect(typeof one.body.windowStart).toBe('string');
    });

    it('filters by window: from/to select the tasks whose window overlaps', async () => {
      const far = await task(alice, { windowStart: new Date(Date.now() + 30 * 24 * HOUR), windowEnd: new Date(Date.now() + 31 * 24 * HOUR) });
      const soon = await task(alice);
      const to = new Date(Date.now() + 3 * 24 * HOUR).toISOString();
      const list = await platform.client.get(`/api/tasks?to=${encodeURIComponent(to)}`, alice.token);
      const ids = list.body.map((t: { id: string }) => t.id);
      expect(ids).toContain(soon);
      expect(ids).not.toContain(far);
    });

    it('another shopper reading or submitting the task → 404', async () => {
      const id = await task(alice);
      expect((await platform.client.get(`/api/tasks/${id}`, bob.token)).status).toBe(404);
      const response = await submit(bob, id);
      expect(response.status).toBe(404);
      expect(response.body.message).toMatch(/task .* does not exist/);
      expect(await evaluationCount(id)).toBe(0);
      expect((await platform.client.get(`/api/tasks?limit=500`, bob.token)).body.map((t: { id: string }) => t.id)).not.toContain(id);
    });

    it('the jury lists every task, filtered by shopper and entry, paginated (limit ≤ 500)', async () => {
      const id = await task(bob);
      const list = await platform.client.get(`/api/tasks?shopperId=${bob.id}&entryId=${season.entryId}&limit=500`, jury);
      expect(list.status).toBe(200);
      expect(list.body.map((t: { id: string }) => t.id)).toContain(id);
      expect((await platform.client.get(`/api/tasks/${id}`, jury)).status).toBe(200);
      expect((await platform.client.get(`/api/tasks?limit=501`, jury)).status).toBe(400);
      expect((await platform.client.get(`/api/tasks?limit=1`, jury)).body).toHaveLength(1);
    });

    it('a company or an anonymous user on shopper routes → 403 / 401', async () => {
      const id = await task(alice);
      expect((await platform.client.get('/api/tasks', season.companyToken)).status).toBe(403);
      expect((await platform.client.get(`/api/tasks/${id}`, season.companyToken)).status).toBe(403);
      expect((await submit({ token: season.companyToken }, id)).status).toBe(403);
      expect((await platform.client.post(`/api/tasks/${id}/decline`, { reason: 'pas le temps' }, season.companyToken)).status).toBe(403);
      expect((await platform.client.get('/api/tasks')).status).toBe(401);
      expect((await platform.client.get(`/api/tasks/${id}`)).status).toBe(401);
      expect((await submit({ token: '' }, id)).status).toBe(401);
      expect((await submit({ token: jury }, id)).status).toBe(403);
      expect((await platform.client.get('/api/evaluations', alice.token)).status).toBe(403);
      expect(await evaluationCount(id)).toBe(0);
    });
  });

  describe('submitting an evaluation', () => {
    it('computes the score exactly from the grid (decimal weights) and moves the task to SUBMITTED', async () => {
      const id = await task(alice);
      const response = await submit(alice, id);
      expect(response.status).toBe(201);
      // 20 × 8.75 / 12.25 = 14.285714… → 14.2857 (numeric(8,4))
      expect(response.body).toMatchObject({ taskId: id, entryId: season.entryId, shopperId: alice.id, status: 'SUBMITTED', score: 14.2857 });
      expect(response.body.answers).toEqual(GOOD_PHONE);
      expect(response.body.facts).toEqual({ waitSeconds: 42, resolved: true });
      expect((await taskRow(id)).status).toBe('SUBMITTED');
      const [stored] = await platform.dataSource.query(`SELECT score::text AS score FROM evaluation WHERE task_id = $1`, [id]);
      expect(stored.score).toBe('14.2857');
    });

    it('a perfect and an empty answer give 20 and 0; an e-mail test needs replyDelayHours', async () => {
      const perfect = await task(alice);
      expect((await submit(alice, perfect, { answers: { greeting: 4, answer: 3, courtesy: 1 } })).body.score).toBe(20);
      const zero = await task(alice);
      expect((await submit(alice, zero, { answers: { greeting: 0, answer: 0, courtesy: 0 } })).body.score).toBe(0);
      const mail = await task(alice, { channel: 'EMAIL' });
      const missing = await submit(alice, mail, { answers: { clarity: 4, accuracy: 1 }, facts: { resolved: false } });
      expect(missing.status).toBe(400);
      expect(missing.body.message).toMatch(/facts\.replyDelayHours is required/);
      const ok = await submit(alice, mail, { answers: { clarity: 4, accuracy: 1 }, facts: { replyDelayHours: 5.5, resolved: false } });
      expect(ok.status).toBe(201);
      expect(ok.body.score).toBe(12.5);
    });

    it('submitting twice → 409, and the first evaluation stays unchanged', async () => {
      const id = await task(alice);
      expect((await submit(alice, id)).status).toBe(201);
      const again = await submit(alice, id, { answers: { greeting: 4, answer: 3, courtesy: 1 } });
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/already submitted/);
      expect(await evaluationCount(id)).toBe(1);
      const [stored] = await platform.dataSource.query(`SELECT score::text AS score FROM evaluation WHERE task_id = $1`, [id]);
      expect(stored.score).toBe('14.2857');
    });

    it('three concurrent submits → exactly one evaluation, one 201 and two 409', async () => {
      for (let round = 0; round < 5; round++) {
        const id = await task(alice);
        const responses = await Promise.all([submit(alice, id), submit(alice, id), submit(alice, id)]);
        expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409]);
        expect(await evaluationCount(id)).toBe(1);
      }
    });

    describe('refuses bad evaluations with a 400 naming the problem, and writes nothing', () => {
      const expectRefused = async (body: Record<string, unknown>, message: RegExp, overrides = {}) => {
        const id = await task(alice, overrides);
        const response = await submit(alice, id, body);
        expect(response.status).toBe(400);
        expect(response.body.message).toMatch(message);
        expect(await evaluationCount(id)).toBe(0);
        expect((await taskRow(id)).status).toBe('ASSIGNED');
      };

      it('performedAt before the window, after it, or in the future', async () => {
        const window = { windowStart: new Date(Date.now() - 10 * HOUR), windowEnd: new Date(Date.now() - 5 * HOUR) };
        await expectRefused({ performedAt: new Date(Date.now() - 11 * HOUR).toISOString() }, /performedAt must lie inside the task window/, window);
        await expectRefused({ performedAt: new Date(Date.now() - 4 * HOUR).toISOString() }, /performedAt must lie inside the task window/, window);
        await expectRefused({ performedAt: new Date(Date.now() + HOUR).toISOString() }, /performedAt must not be in the future/);
        await expectRefused({ performedAt: 'yesterday' }, /performedAt must be an ISO-8601 instant/);
      });

      it('a missing criterion, an unknown criterion, an out-of-range or fractional answer', async () => {
        await expectRefused({ answers: { greeting: 3, answer: 2 } }, /answers\.courtesy is missing/);
        await expectRefused({ answers: { ...GOOD_PHONE, smile: 2 } }, /answers\.smile is not a criterion/);
        await expectRefused({ answers: { ...GOOD_PHONE, answer: 4 } }, /answers\.answer must be a whole number of points from 0 to 3/);
        await expectRefused({ answers: { ...GOOD_PHONE, greeting: -1 } }, /answers\.greeting must be a whole number/);
        await expectRefused({ answers: { ...GOOD_PHONE, greeting: 2.5 } }, /answers\.greeting must be a whole number/);
        await expectRefused({ answers: { ...GOOD_PHONE, greeting: '3' } }, /answers\.greeting must be a whole number/);
      });

      it('missing waitSeconds on PHONE, missing resolved, a negative wait, a comment too long', async () => {
        await expectRefused({ facts: { resolved: true } }, /facts\.waitSeconds is required for a PHONE test/);
        await expectRefused({ facts: { waitSeconds: 10 } }, /facts\.resolved must be true or false/);
        await expectRefused({ facts: { waitSeconds: -1, resolved: true } }, /facts\.waitSeconds must be a whole number/);
        await expectRefused({ comment: 'x'.repeat(5001) }, /comment must be text of at most 5000 characters/);
      });
    });

    it('an expired task cannot be evaluated → 409', async () => {
      const id = await task(alice, { status: 'EXPIRED' });
      const response = await submit(alice, id);
      expect(response.status).toBe(409);
      expect(response.body.message).toMatch(/EXPIRED/);
    });
  });

  describe('declining', () => {
    it('an assigned task goes back to the pool, with the refusal recorded; declining it again → 404 (no longer theirs)', async () => {
      const id = await task(alice);
      expect((await platform.client.post(`/api/tasks/${id}/decline`, { reason: 'x' }, alice.token)).status).toBe(400);
      const response = await platform.client.post(`/api/tasks/${id}/decline`, { reason: 'Je connais le directeur' }, alice.token);
      expect(response.status).toBe(200);
      const row = await taskRow(id);
      expect(row.shopper_id).not.toBe(alice.id);
      expect(['PENDING', 'UNASSIGNABLE', 'ASSIGNED']).toContain(row.status);
      const refusals = await platform.dataSource.query(`SELECT kind, reason FROM task_refusal WHERE task_id = $1 AND shopper_id = $2`, [id, alice.id]);
      expect(refusals).toEqual([{ kind: 'DECLINED', reason: 'Je connais le directeur' }]);
      expect((await platform.client.post(`/api/tasks/${id}/decline`, { reason: 'encore' }, alice.token)).status).toBe(404);
    });

    it('a submitted task cannot be declined → 409', async () => {
      const id = await task(alice);
      await submit(alice, id);
      const response = await platform.client.post(`/api/tasks/${id}/decline`, { reason: 'trop tard' }, alice.token);
      expect(response.status).toBe(409);
    });
  });

  describe('jury review', () => {
    it('approve: the evaluation and its task become APPROVED and count; approving again → 409', async () => {
      const id = await task(bob);
      const evaluation = (await submit(bob, id)).body;
      const approved = await platform.client.post(`/api/evaluations/${evaluation.id}/approve`, {}, jury);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ id: evaluation.id, status: 'APPROVED', score: 14.2857 });
      expect((await taskRow(id)).status).toBe('APPROVED');
      const list = await platform.client.get(
        `/api/evaluations?status=APPROVED&categoryId=${season.categoryId}&shopperId=${bob.id}&editionId=${season.editionId}`,
        jury,
      );
      expect(list.status).toBe(200);
      expect(list.body.map((e: { id: string }) => e.id)).toContain(evaluation.id);
      expect(list.body.every((e: { status: string }) => e.status === 'APPROVED')).toBe(true);
      expect((await platform.client.post(`/api/evaluations/${evaluation.id}/approve`, {}, jury)).status).toBe(409);
      expect((await platform.client.post(`/api/evaluations/${evaluation.id}/reject`, { reason: 'trop tard' }, jury)).status).toBe(409);
      const [log] = await platform.dataSource.query(`SELECT action FROM audit_log WHERE subject_id = $1`, [evaluation.id]);
      expect(log.action).toBe('evaluation.approve');
      expect((await platform.client.post(`/api/evaluations/00000000-0000-4000-8000-000000000000/approve`, {}, jury)).status).toBe(404);
      expect((await platform.client.post(`/api/evaluations/${evaluation.id}/approve`, {}, bob.token)).status).toBe(403);
    });

    it('reject: task REJECTED, a replacement task for another shopper, and the shopper e-mailed the reason', async () => {
      const id = await task(bob);
      const evaluation = (await submit(bob, id)).body;
      const rejected = await platform.client.post(`/api/evaluations/${evaluation.id}/reject`, { reason: 'Appel passé hors de la fenêtre' }, jury);
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ id: evaluation.id, status: 'REJECTED', rejectionReason: 'Appel passé hors de la fenêtre' });
      expect((await taskRow(id)).status).toBe('REJECTED');
      const [replacement] = await platform.dataSource.query(`SELECT * FROM task WHERE replaces_task_id = $1`, [id]);
      expect(replacement).toBeDefined();
      expect(replacement).toMatchObject({ entry_id: season.entryId, channel: 'PHONE', scenario: 'Demander comment résilier le contrat' });
      expect(replacement.shopper_id).not.toBe(bob.id);
      expect(rejected.body.replacementTaskId).toBe(replacement.id);
      const mail = await platform.inbox.waitForMail(bob.email, { subject: /Évaluation refusée/ });
      expect(mail.text).toContain('Appel passé hors de la fenêtre');
      expect(mail.text).toContain(season.companyName);
      const [log] = await platform.dataSource.query(`SELECT action, details FROM audit_log WHERE subject_id = $1`, [evaluation.id]);
      expect(log).toMatchObject({ action: 'evaluation.reject', details: { reason: 'Appel passé hors de la fenêtre' } });
      expect((await platform.client.post(`/api/evaluations/${evaluation.id}/approve`, {}, jury)).status).toBe(409);
      expect((await platform.client.post(`/api/evaluations/${evaluation.id}/reject`, { reason: 'no' }, jury)).status).toBe(400);
    });
  });

  describe('deadlines', () => {
    it('an assigned task overdue by more than the grace becomes EXPIRED and is replaced; one within the grace is not', async () => {
      const overdue = await task(alice, { windowStart: new Date(Date.now() - 40 * HOUR), windowEnd: new Date(Date.now() - 30 * HOUR) });
      const inGrace = await task(alice, { windowStart: new Date(Date.now() - 10 * HOUR), windowEnd: new Date(Date.now() - 5 * HOUR) });
      await platform.api.get(TaskDeadlines).expireOverdue(new Date());
      expect((await taskRow(overdue)).status).toBe('EXPIRED');
      expect((await taskRow(inGrace)).status).toBe('ASSIGNED');
      const [replacement] = await platform.dataSource.query(`SELECT * FROM task WHERE replaces_task_id = $1`, [overdue]);
      expect(replacement).toBeDefined();
      expect(replacement.shopper_id).not.toBe(alice.id);
      expect(new Date(replacement.window_end).getTime()).toBeGreaterThan(Date.now());
      // Running it again changes nothing more.
      await platform.api.get(TaskDeadlines).expireOverdue(new Date());
      expect(Number((await platform.dataSource.query(`SELECT count(*) FROM task WHERE replaces_task_id = $1`, [overdue]))[0].count)).toBe(1);
    });

    it('a real season: the grace is exactly 24 h, and a late replacement starts an hour later for at most 7 days', async () => {
      // Ends 23 h ago: overdue in an hour, so the worker's own expiry (real clock) cannot take it first.
      const windowEnd = new Date(Date.now() - 23 * HOUR);
      const id = await task(alice, { windowStart: new Date(windowEnd.getTime() - 2 * HOUR), windowEnd });
      const deadlines = platform.api.get(TaskDeadlines);
      await deadlines.expireOverdue(new Date(windowEnd.getTime() + 24 * HOUR));
      expect((await taskRow(id)).status).toBe('ASSIGNED');
      const now = new Date(windowEnd.getTime() + 24 * HOUR + 1);
      await deadlines.expireOverdue(now);
      expect((await taskRow(id)).status).toBe('EXPIRED');
      const [replacement] = await platform.dataSource.query(`SELECT window_start, window_end FROM task WHERE replaces_task_id = $1`, [id]);
      expect(replacement.window_start.getTime()).toBe(now.getTime() + HOUR);
      expect(replacement.window_end.getTime()).toBe(now.getTime() + HOUR + 7 * 24 * HOUR);
    });

    it('the worker schedules expiry, reminders and digests, and runs them from the tasks queue', async () => {
      const queue = platform.api.get<Queue>(getQueueToken(QueueName.Tasks));
      await waitFor(async () => (await queue.getJobSchedulers()).length >= 3, 15_000, 'the task job schedulers');
      const schedulers = await queue.getJobSchedulers();
      expect(Object.fromEntries(schedulers.map((s) => [s.key, Number(s.every)]))).toMatchObject({
        'expire-tasks': 15_000,
        'remind-due-tasks': 15 * 60_000,
        'send-assignment-digests': 60 * 60_000,
      });
      const overdue = await task(alice, { windowStart: new Date(Date.now() - 50 * HOUR), windowEnd: new Date(Date.now() - 49 * HOUR) });
      await queue.add('expire-tasks', {});
      await waitFor(async () => (await taskRow(overdue)).status === 'EXPIRED', 15_000, 'the overdue task to expire');
    });

    it('a task whose window ends within 24 hours gets one reminder, once', async () => {
      const [carol] = await quickShoppers(platform, 1, { locale: 'en' });
      const due = await task(carol, { windowEnd: new Date(Date.now() + 2 * HOUR) });
      await task(carol); // ends in two days: not yet
      const deadlines = platform.api.get(TaskDeadlines);
      await deadlines.remindDueSoon(new Date());
      await deadlines.remindDueSoon(new Date());
      const mail = await platform.inbox.waitForMail(carol.email, { subject: /ends soon/ });
      expect(mail.text).toContain(season.companyName);
      expect(mail.text).toMatch(/\(Europe\/Paris\)/);
      expect((await taskRow(due)).due_soon_notified_at).not.toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(platform.inbox.to(carol.email).filter((m) => /ends soon/.test(m.subject))).toHaveLength(1);
    });
  });
});
