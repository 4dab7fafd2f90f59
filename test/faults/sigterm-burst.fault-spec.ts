import { sleep } from '@app/simulation';
import { FaultPlatform } from './support/fault-platform';
import { report } from './support/figures';

const DRAIN_MS = 3000;

/**
 * SIGTERM to the API in the middle of a request burst, as a deployment does: the requests already sent, and those
 * sent during the drain, are all answered (none reset or refused); /health says it is stopping; then the process exits.
 */
describe('fault: SIGTERM during a request burst', () => {
  let platform: FaultPlatform;

  beforeAll(async () => {
    platform = await FaultPlatform.start();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('answers every request sent before and during the drain, then exits cleanly', async () => {
    const { process: api, client } = await platform.startApi('sigterm-api', { SHUTDOWN_DRAIN_MS: String(DRAIN_MS) });
    const outcomes: { answered: boolean; afterSignal: boolean }[] = [];
    let signalledAt = Infinity;
    const send = async () => {
      const sentAt = Date.now();
      let answered = false;
      try {
        const response = await fetch(`${client.baseUrl}/api/editions`);
        await response.arrayBuffer();
        answered = response.status === 200;
      } catch {
        answered = false; // reset or refused
      }
      outcomes.push({ answered, afterSignal: sentAt >= signalledAt });
    };
    // 20 clients in a closed loop until a third of the drain has passed: every request they send must be answered.
    let stopAt = Infinity;
    const clients = Array.from({ length: 20 }, async () => {
      while (Date.now() < stopAt) await send();
    });
    await sleep(500);
    signalledAt = Date.now();
    stopAt = signalledAt + DRAIN_MS / 3;
    const signalled = api.signal('SIGTERM');
    // The signal reaches the process when it does: health turns to 503 once it has.
    let health = await client.get('/health');
    for (let tries = 0; health.status === 200 && tries < 20; tries++) health = await sleep(25).then(() => client.get('/health'));
    await Promise.all(clients);
    const exitCode = await signalled;

    const answered = outcomes.filter((o) => o.answered).length;
    const sentDuringDrain = outcomes.filter((o) => o.afterSignal).length;
    const reset = outcomes.length - answered;
    report(
      'SIGTERM during a request burst',
      `SIGTERM after 0.5 s of 20 clients in a loop (sending for a third of the drain of ${DRAIN_MS} ms): ${answered} requests answered, ${sentDuringDrain} of them sent after the signal`,
      {
        requests: { lost: reset, doubled: 0, stuck: 0 },
      },
    );
    expect(health).toMatchObject({ status: 503, body: { message: 'the API is shutting down' } });
    expect(reset).toBe(0);
    expect(sentDuringDrain).toBeGreaterThan(0); // the drain was exercised: requests sent after SIGTERM were answered
    expect(exitCode).toBe(0);
  }, 60_000);
});
