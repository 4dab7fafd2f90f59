import type { ApiClient } from '../api-client';
import { sleep } from '../wait';
import { perceivedPoints, type Channel, type SimCompany, type SimShopper } from './cast';
import { SeededRandom } from './random';
import { linkToken, CAST_PASSWORD, POLL_MS, SECOND } from './steps';
import type { SeasonContext, SeasonResult } from './types';

/** The jury's invitation, the link from the inbox, the acceptance: the shopper's access token. */
export async function recruitShopper(context: SeasonContext, jury: string, shopper: SimShopper): Promise<string> {
  const { client, inbox } = context;
  await client.expectOk('POST', '/api/shoppers/invitations', {
    token: jury,
    body: { email: shopper.email, name: shopper.name, sectors: shopper.sectors, weeklyCapacity: 60 },
  });
  const invitation = await inbox.waitForMail(shopper.email, { subject: /Invitation/, timeoutMs: 60 * SECOND });
  const accepted = await client.expectOk('POST', '/api/shoppers/accept', { body: { token: linkToken(invitation), password: CAST_PASSWORD } });
  return accepted.accessToken as string;
}

interface TaskView {
  id: string;
  companyName: string;
  channel: Channel;
  windowStart: string;
  windowEnd: string;
  grid: { key: string; max: number }[];
}

/**
 * A shopper's test period: look for assigned tasks, and do each one inside its window — or, now and then,
 * miss it (only a task whose window ends early enough for its replacement to fit in the period).
 */
export async function workAsShopper(
  client: ApiClient,
  shopper: SimShopper,
  token: string,
  companies: Map<string, SimCompany>,
  season: { lastRedoable: number; seed: number; testing: { open: boolean }; counts: SeasonResult['counts'] },
): Promise<void> {
  const random = new SeededRandom(season.seed, `shopper:${shopper.index}`);
  const handled = new Set<string>();
  await sleep(random.between(0, POLL_MS));
  while (season.testing.open) {
    const tasks: TaskView[] = await client.expectOk('GET', '/api/tasks?status=ASSIGNED&limit=500', { token });
    for (const task of tasks) {
      const start = Date.parse(task.windowStart);
      const end = Date.parse(task.windowEnd);
      const now = Date.now();
      if (handled.has(task.id) || now < start || now >= end - 300) continue;
      handled.add(task.id);
      if (end < season.lastRedoable && random.chance(shopper.lateness)) {
        season.counts.missed++;
        continue;
      }
      const company = companies.get(task.companyName)!;
      const answers = Object.fromEntries(task.grid.map((c) => [c.key, perceivedPoints(company, shopper, c.max, random)]));
      const facts: Record<string, unknown> = { resolved: random.chance(0.3 + 0.6 * company.quality) };
      if (task.channel === 'PHONE' || task.channel === 'CHAT') facts.waitSeconds = Math.round(random.between(10, 400) * (1.2 - company.quality));
      if (task.channel === 'EMAIL') facts.replyDelayHours = Math.round(random.between(1, 72) * (1.2 - company.quality) * 10) / 10;
      const response = await client.post(
        `/api/tasks/${task.id}/evaluation`,
        { performedAt: new Date(Math.max(start, now - 200)).toISOString(), answers, facts, comment: 'Échange conforme au scénario.' },
        token,
      );
      if (response.status !== 201) throw new Error(`${shopper.name} could not submit task ${task.id}: ${response.status} ${JSON.stringify(response.body)}`);
      season.counts.submitted++;
    }
    await sleep(POLL_MS);
  }
}
