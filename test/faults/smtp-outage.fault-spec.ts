import { sleep, waitFor } from '@app/simulation';
import { signupBody } from '../support/fixtures';
import { FaultPlatform } from './support/fault-platform';
import { mailFigures, report } from './support/figures';

const SECOND = 1000;

/**
 * The SMTP server refuses every message for a while (451, as a greylisting or overloaded server does) while
 * companies sign up: every e-mail of the outbox is delivered once it accepts again, each with the stable
 * Message-ID `<notification-id@host>` that lets a mail server drop a copy (delivery is at-least-once).
 */
describe('fault: the SMTP server refuses for a while', () => {
  let platform: FaultPlatform;

  beforeAll(async () => {
    platform = await FaultPlatform.start();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('delivers every e-mail once the server accepts again, none lost', async () => {
    const since = new Date();
    const { client } = await platform.startApi('smtp-outage-api');
    await platform.startWorker('smtp-outage-worker');
    platform.inbox.refuseNext = Number.MAX_SAFE_INTEGER;
    const bodies = Array.from({ length: 20 }, () => signupBody());
    const signups = await Promise.all(bodies.map((body) => client.post('/api/auth/signup', body)));
    const recipients = bodies.map((b) => b.email);
    expect(signups.map((r) => r.status)).toEqual(Array(20).fill(201));
    await sleep(4 * SECOND);
    const refused = platform.inbox.refused;
    platform.inbox.refuseNext = 0;

    await waitFor(async () => (await mailFigures(platform.db, platform.inbox, since, recipients)).stuck === 0, 30 * SECOND, 'every e-mail sent', 250).catch(
      () => undefined,
    );
    const figures = await mailFigures(platform.db, platform.inbox, since, recipients);
    report('SMTP server refusing', `451 for 4 s: ${refused} delivery attempts refused for ${figures.written} e-mails`, { 'e-mails': figures });
    expect(refused).toBeGreaterThan(figures.written); // each was refused, some more than once
    expect(figures).toEqual({ written: 20, lost: 0, doubled: 0, stuck: 0 });
    for (const mail of platform.inbox.messages) expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@palmares\.test>$/);
  }, 90_000);
});
