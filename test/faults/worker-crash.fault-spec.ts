import { join } from 'node:path';
import { waitFor } from '@app/simulation';
import { seedCategory, seedEntry, seedShopper, seedTestingEdition } from '../support/tasks-fixtures';
import { LOG_DIR } from './support/app-process';
import { FaultPlatform } from './support/fault-platform';
import { isClean, report, taskFigures } from './support/figures';

/** How long a running worker may take to queue tasks stranded by another's crash (docs/rules.md, "Recovery"). */
const RECOVERY_BOUND_MS = 40_000;

/**
 * A worker SIGKILLed after task generation committed and before the jobs were queued, while another worker runs
 * on: nothing is restarted, and every task must still be assigned exactly once, within capacity and rotation.
 */
describe('fault: a worker killed between generating tasks and queueing them', () => {
  let platform: FaultPlatform;

  beforeAll(async () => {
    platform = await FaultPlatform.start();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('leaves no task PENDING: the surviving worker queues them, each assigned once', async () => {
    const { db } = platform;
    // 6 sectors × 5 entries × (20 phone + 10 e-mail) = 900 tasks, the test period starting once both workers run.
    const start = new Date(Date.now() + 12_000);
    const editionId = await seedTestingEdition(db, start, new Date(start.getTime() + 30 * 60_000));
    await db.query(`UPDATE edition SET status = 'CLOSED' WHERE id = $1`, [editionId]);
    for (let c = 0; c < 6; c++) {
      const category = await seedCategory(db, editionId, { PHONE: 20, EMAIL: 10 });
      for (let e = 0; e < 5; e++) await seedEntry(db, editionId, category.id);
      for (let s = 0; s < 15; s++) await seedShopper(db, { sectors: [category.code], capacity: 20 });
    }
    await db.query(`UPDATE entry SET status = 'CONFIRMED' WHERE edition_id = $1`, [editionId]);

    const crash = { FAULT_CRASH_AT: `after-task-generation:${join(LOG_DIR, `crashed-${editionId}`)}` };
    const workers = await Promise.all([platform.startWorker('crash-worker-1', crash), platform.startWorker('crash-worker-2', crash)]);
    await waitFor(() => workers.some((w) => !w.running), 30_000, 'a worker to crash after generating the tasks', 50);
    const crashed = workers.find((w) => !w.running)!;
    const survivor = workers.find((w) => w.running)!;
    const atCrash = await taskFigures(db, editionId);
    expect({ expected: atCrash.expected, stuck: atCrash.stuck }).toEqual({ expected: 900, stuck: 900 });

    await waitFor(async () => (await taskFigures(db, editionId)).stuck === 0, RECOVERY_BOUND_MS, 'every stranded task to be assigned', 500).catch(
      () => undefined,
    );
    const figures = await taskFigures(db, editionId);
    report(
      'worker SIGKILLed between task generation and queueing',
      `${crashed.label} killed with 900 tasks committed and none queued; ${survivor.label} runs on`,
      {
        tasks: figures,
      },
    );
    expect(figures).toMatchObject({ expected: 900, assigned: 900, lost: 0, doubled: 0, stuck: 0 });
    expect(isClean({ tasks: figures })).toBe(true);
    expect(survivor.running).toBe(true);
  }, 120_000);
});
