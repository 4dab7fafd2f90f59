import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { NotificationsService, type NotificationInput, type Outbox } from '@app/notifications';
import { JobId, QueueName, UnitsOfWork } from '@app/core';
import { TestPlatform } from './support/platform';
import { uniqueEmail } from './support/fixtures';
import { sleep, waitFor } from '@app/simulation';

describe('e-mail pipeline (outbox → queue → worker → SMTP)', () => {
  let platform: TestPlatform;
  let notifications: NotificationsService;

  beforeAll(async () => {
    platform = await TestPlatform.start({ worker: false });
    notifications = platform.api.get(NotificationsService);
  });
  const inOutbox = <T>(work: (outbox: Outbox) => Promise<T>) => platform.api.get(UnitsOfWork).run((uow) => work(notifications.outbox(uow)));
  afterAll(async () => {
    await platform.close();
  });
  afterEach(async () => {
    await platform.stopWorker();
    platform.inbox.refuseNext = 0;
  });

  const mail = (to: string, extra: Partial<NotificationInput> = {}): NotificationInput => ({
    template: 'account-confirmation',
    to,
    data: { companyName: 'Énergie Verte', confirmUrl: 'http://palmares.test/confirm-email?token=abc' },
    ...extra,
  });
  const statusOf = async (recipient: string) =>
    (await platform.dataSource.query(`SELECT status, attempts, sent_at FROM notification WHERE recipient = $1`, [recipient]))[0];

  it('delivers once, after the worker starts, a notification written while it was stopped', async () => {
    const to = uniqueEmail('stopped');
    await inOutbox((outbox) => outbox.notify(mail(to)));
    await sleep(300);
    expect(platform.inbox.to(to)).toHaveLength(0);

    await platform.startWorker();
    await platform.inbox.waitForMail(to);
    await waitFor(async () => (await statusOf(to)).status === 'SENT', 5000, 'status SENT');
    await sleep(300);
    expect(platform.inbox.to(to)).toHaveLength(1);
  });

  it('relays at start-up a notification that never reached the queue (Redis was down)', async () => {
    const to = uniqueEmail('lost');
    // Written and committed, but the step that queues it is skipped, as when Redis is unreachable.
    await platform.dataSource.transaction((tx) => notifications.write(tx, [mail(to)]));
    const queue = platform.api.get<Queue>(getQueueToken(QueueName.Notifications));
    expect(await queue.getJobCounts('waiting', 'delayed')).toMatchObject({ waiting: 0 });

    await platform.startWorker();
    await platform.inbox.waitForMail(to);
    await sleep(300);
    expect(platform.inbox.to(to)).toHaveLength(1);
  });

  it('relays every pending notification of one transaction, more than a page of them sharing its instant', async () => {
    const recipients = [1, 2, 3].map((n) => uniqueEmail(`relay-page-${n}`));
    const ids = await platform.dataSource.transaction((tx) =>
      notifications.write(
        tx,
        recipients.map((to) => mail(to)),
      ),
    );
    const queue = platform.api.get<Queue>(getQueueToken(QueueName.Notifications));

    expect(await notifications.relayPending(2)).toBeGreaterThanOrEqual(3);
    for (const id of ids) expect(await queue.getJob(JobId.notification(id))).toBeDefined();
    // Not for sending: the next test's worker must not meet them.
    await platform.dataSource.query(`DELETE FROM notification WHERE id = ANY($1)`, [ids]);
  });

  it('sends a batch of e-mails whose first is refused: only that one retries, each is delivered once', async () => {
    const recipients = [1, 2, 3, 4].map((n) => uniqueEmail(`batch-${n}`));
    await platform.startWorker();
    platform.inbox.refuseNext = 1;
    await inOutbox((outbox) => outbox.notify(...recipients.map((to) => mail(to))));
    for (const to of recipients) await platform.inbox.waitForMail(to);
    await waitFor(async () => (await Promise.all(recipients.map(statusOf))).every((s) => s.status === 'SENT'), 10_000, 'all SENT');
    await sleep(300);
    expect(recipients.map((to) => platform.inbox.to(to).length)).toEqual([1, 1, 1, 1]);
    expect((await Promise.all(recipients.map(statusOf))).map((s) => s.attempts).sort()).toEqual([1, 1, 1, 2]);
  });

  it('writes nothing when the transaction that causes the notification rolls back', async () => {
    const to = uniqueEmail('rollback');
    await expect(
      inOutbox(async (outbox) => {
        await outbox.notify(mail(to));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await statusOf(to)).toBeUndefined();
  });

  it('runs the after-commit hooks of a unit of work once it has committed, and never when it rolls back', async () => {
    const units = platform.api.get(UnitsOfWork);
    const seen: string[] = [];
    await expect(
      units.run(async (uow) => {
        uow.afterCommit(async () => void seen.push('rolled back'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const to = uniqueEmail('after-commit');
    await units.run(async (uow) => {
      await notifications.write(uow.tx, [mail(to)]);
      // Another connection sees the row only after the commit: the hook runs then, not before.
      uow.afterCommit(async () => void seen.push((await statusOf(to))?.status ?? 'not yet committed'));
    });
    expect(seen).toEqual(['PENDING']);
    // Not for sending: the next test's worker must not meet it.
    await platform.dataSource.query(`DELETE FROM notification WHERE recipient = $1`, [to]);
  });

  it('retries with back-off when SMTP refuses twice, then delivers once', async () => {
    const to = uniqueEmail('retry');
    platform.inbox.refuseNext = 2;
    await platform.startWorker();
    await inOutbox((outbox) => outbox.notify(mail(to)));
    await platform.inbox.waitForMail(to);
    await waitFor(async () => (await statusOf(to)).status === 'SENT', 5000, 'status SENT');
    expect(platform.inbox.refused).toBeGreaterThanOrEqual(2);
    expect(platform.inbox.to(to)).toHaveLength(1);
    expect((await statusOf(to)).attempts).toBe(3);
  });

  it('sends one e-mail for a notification enqueued twice, even under different job ids', async () => {
    const to = uniqueEmail('twice');
    const ids = await platform.dataSource.transaction((tx) => notifications.write(tx, [mail(to)]));
    const queue = platform.api.get<Queue>(getQueueToken(QueueName.Notifications));
    await notifications.dispatch([ids[0], ids[0]]);
    await queue.addBulk([1, 2, 3].map((n) => ({ name: 'send-notification', data: { notificationId: ids[0] }, opts: { jobId: `duplicate-${ids[0]}-${n}` } })));
    await platform.startWorker();
    await platform.inbox.waitForMail(to);
    // Only this notification's jobs: an earlier test's retries may still be delayed in the queue.
    const pending = async () =>
      (await queue.getJobs(['waiting', 'active', 'delayed'])).filter((job) => job.name === 'send-notification' && job.data.notificationId === ids[0]).length;
    await waitFor(async () => (await pending()) === 0, 15_000, 'queue drained');
    await sleep(300);
    expect(platform.inbox.to(to)).toHaveLength(1);
  });

  it('keeps one notification per event: a second with the same dedupe key is ignored', async () => {
    const to = uniqueEmail('dedupe');
    const first = await platform.dataSource.transaction((tx) => notifications.write(tx, [mail(to, { dedupeKey: `test-event:${to}` })]));
    const second = await platform.dataSource.transaction((tx) => notifications.write(tx, [mail(to, { dedupeKey: `test-event:${to}` })]));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
  });

  it('sends HTML and text parts, a stable Message-ID and attachments', async () => {
    const to = uniqueEmail('attach');
    const pdf = Buffer.from('%PDF-1.4 test document');
    await platform.startWorker();
    await inOutbox((outbox) =>
      outbox.notify(
        mail(to, {
          locale: 'en',
          attachments: [{ filename: 'invoice-2027-000001.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') }],
        }),
      ),
    );
    const received = await platform.inbox.waitForMail(to);
    const [row] = await platform.dataSource.query(`SELECT id FROM notification WHERE recipient = $1`, [to]);
    expect(received.subject).toBe('Confirm your e-mail address — Palmares');
    expect(received.text).toContain('Énergie Verte');
    expect(received.html).toContain('<strong>Énergie Verte</strong>');
    expect(received.messageId).toBe(`<${row.id}@palmares.test>`);
    expect(received.attachments).toHaveLength(1);
    expect(received.attachments[0]).toMatchObject({ filename: 'invoice-2027-000001.pdf', contentType: 'application/pdf' });
    expect(received.attachments[0].content.equals(pdf)).toBe(true);
  });
});
