import { sleep } from '@app/simulation';
import { FaultPlatform } from './support/fault-platform';
import { report } from './support/figures';

const DRAIN_MS = 1500;

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
    const outcomes: ('answered' | 'reset')[] = [];
    const send = async () => {
      try {
        const response = await fetch(`${client.baseUrl}/api/editions`);
        await response.arrayBuffer();
        outcomes.push(response.status === 200 ? 'answered' : 'reset');
      } catch {
        outcomes.push('reset');
      }
    };
    // 20 clients in a closed loop until the drain is well under way.
    let sending = true;
    const clients = Array.from({ length: 20 }, async () => {
      while (sending) await send();
    });
    await sleep(500);
    const signalled = api.signal('SIGTERM');
    await sleep(100);
    const health = await client.get('/health');
    await sleep(DRAIN_MS / 2);
    sending = false;
    await Promise.all(clients);
    const exitCode = await signalled;

    const answered = outcomes.filter((o) => o === 'answered').length;
    const reset = outcomes.length - answered;
    report('SIGTERM during a request burst', `SIGTERM after 0.5 s of 20 clients in a loop, drain ${DRAIN_MS} ms: ${answered} requests answered`, {
      requests: { lost: reset, doubled: 0, stuck: 0 },
    });
    expect(health).toMatchObject({ status: 503, body: { message: 'the API is shutting down' } });
    expect(reset).toBe(0);
    expect(answered).toBeGreaterThan(100);
    expect(exitCode).toBe(0);
  }, 60_000);
});
