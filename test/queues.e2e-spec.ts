import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { AccountsService } from '@app/accounts';
import { QueueName, type JobQueue } from '@app/core';
import { waitFor } from '@app/simulation';
import { PASSWORD, uniqueEmail } from './support/fixtures';
import { TestPlatform } from './support/platform';
import { seedCategory, seedTestingEdition, subDayPeriod } from './support/tasks-fixtures';

/** The job catalogue as operators see it: every queue on the dashboard, and broken rules not retried in vain. */
describe('queues: the dashboard and the retry policy', () => {
  let platform: TestPlatform;
  let editionId: string;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    const { start, end } = subDayPeriod();
    editionId = await seedTestingEdition(platform.dataSource, start, end);
  });
  afterAll(async () => {
    // Leave no live sector behind: a later test file's worker would otherwise serve these queues.
    await platform.dataSource.query(`UPDATE edition SET status = 'SCORING' WHERE id = $1`, [editionId]);
    await platform.close();
  });

  it('lists every sector queue of an edition in test on /queues, next to the named queues', async () => {
    const codes = [(await seedCategory(platform.dataSource, editionId)).code, (await seedCategory(platform.dataSource, editionId)).code];
    const juryEmail = uniqueEmail('jury');
    await platform.api.get(AccountsService).createJuryUser({ email: juryEmail, password: PASSWORD });
    const response = await platform.client.request('GET', '/queues/api/queues', {
      headers: { authorization: `Basic ${Buffer.from(`${juryEmail}:${PASSWORD}`).toString('base64')}` },
    });
    expect(response.status).toBe(200);
    const names = (response.body as { queues: { name: string }[] }).queues.map((queue) => queue.name);
    expect(names).toEqual(expect.arrayContaining([...Object.values(QueueName), ...codes.map((code) => `assignment.${code}`)]));
  });

  it('fails a job that breaks a rule at its first attempt, without the retries its queue allows', async () => {
    const queue = platform.api.get<Queue>(getQueueToken(QueueName.EditionCalendar)) as unknown as JobQueue<typeof QueueName.EditionCalendar>;
    const missing = randomUUID();
    const job = await queue.add('registration-close', { editionId: missing });
    expect(job.opts.attempts).toBeGreaterThan(1);
    await waitFor(async () => (await queue.getJobState(job.id!)) === 'failed', 15_000, 'the job to fail');
    const failed = (await queue.getJob(job.id!))!;
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toBe(`NOT_FOUND: edition ${missing} does not exist`);
  });
});
