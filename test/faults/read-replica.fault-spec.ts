import { DataSource } from 'typeorm';
import { Role } from '@app/accounts';
import { typeOrmOptions } from '@app/core';
import { waitFor, type ApiClient } from '@app/simulation';
import { uniqueEmail } from '../support/fixtures';
import { seedCategory, seedEntry, seedTestingEdition } from '../support/tasks-fixtures';
import { FaultPlatform } from './support/fault-platform';
import { PostgresPair } from './support/postgres-pair';

const DAY = 24 * 3600_000;

/**
 * A Postgres primary with a hot standby (streaming replication, both started here), and an API whose
 * DATABASE_REPLICA_URL names the standby: the public pages and an entrant's report read the published results
 * there. The standby's replay is paused to make it lag, as a replica behind does: what they show is what it has,
 * while the primary already has more.
 */
describe('scale-out: published results read on a hot standby (DATABASE_REPLICA_URL)', () => {
  let pair: PostgresPair;
  let platform: FaultPlatform;
  let primary: DataSource;
  let api: ApiClient;

  beforeAll(async () => {
    pair = await PostgresPair.start();
    await pair.query('primary', 'CREATE DATABASE palmares');
    primary = await new DataSource(typeOrmOptions(pair.url('primary', 'palmares'))).initialize();
    await primary.runMigrations({ transaction: 'each' });
    platform = await FaultPlatform.start();
    api = (
      await platform.startApi('replica-api', {
        DATABASE_URL: pair.url('primary', 'palmares'),
        DATABASE_REPLICA_URL: pair.url('standby', 'palmares'),
        PUBLIC_PAGES_TTL_MS: '0',
      })
    ).client;
  }, 180_000);
  afterAll(async () => {
    try {
      await platform?.close();
      await primary?.destroy();
    } finally {
      await pair?.stop(); // whatever failed, no server outlives the test
    }
  });

  /** An edition over, with one entry whose company has a user: its link on the winners page, and the user's token. */
  async function editionWithEntry() {
    const start = new Date(Date.now() - 90 * DAY);
    const id = await seedTestingEdition(primary, start, new Date(start.getTime() + 60 * DAY));
    const { entryId, companyId } = await seedEntry(primary, id, (await seedCategory(primary, id)).id);
    const [user] = await primary.query(
      `INSERT INTO app_user (email, password_hash, role, company_id, email_confirmed_at) VALUES ($1, 'x', 'COMPANY', $2, now()) RETURNING id`,
      [uniqueEmail('replica'), companyId],
    );
    const [{ year }]: { year: number }[] = await primary.query(`SELECT year FROM edition WHERE id = $1`, [id]);
    return { id, entryId, link: `href="/winners/${year}"`, token: platform.accessToken({ id: user.id, role: Role.Company, companyId }) };
  }
  /** Version 1 of its results published, on the primary (the entry is in no category of it). */
  async function publish(editionId: string): Promise<void> {
    await primary.query(`UPDATE edition SET status = 'PUBLISHED' WHERE id = $1`, [editionId]);
    await primary.query(`INSERT INTO results_version (edition_id, version, digest, figures, published_at) VALUES ($1, 1, $2, $3, now())`, [
      editionId,
      'a'.repeat(64),
      JSON.stringify({ categories: [] }),
    ]);
  }
  const replayed = async (editionId: string) =>
    (await pair.query<{ n: number }>('standby', `SELECT count(*)::int AS n FROM edition WHERE id = $1`, [editionId], 'palmares'))[0].n > 0;
  const winnersPage = async () => (await api.get<string>('/winners')).body;
  const report = async (edition: { entryId: string; token: string }) => (await api.get(`/api/entries/${edition.entryId}/report`, edition.token)).body.message;

  it('shows what the standby has replayed; results published on the primary meanwhile show once replay catches up', async () => {
    const first = await editionWithEntry();
    await publish(first.id);
    const second = await editionWithEntry();
    await waitFor(() => replayed(second.id), 20_000, 'both editions replayed on the standby', 100);
    expect(await winnersPage()).toContain(first.link);

    await pair.query('standby', 'SELECT pg_wal_replay_pause()', [], 'palmares');
    await publish(second.id);
    const [{ n }] = await primary.query(`SELECT count(*)::int AS n FROM results_version WHERE published_at IS NOT NULL`);
    expect(n).toBe(2); // the primary has both…
    const lagging = await winnersPage();
    expect(lagging).toContain(first.link);
    expect(lagging).not.toContain(second.link); // …the page, read on the standby, only the one it replayed
    expect(await report(second)).toMatch(/reports are available once the results are published/); // the report too

    await pair.query('standby', 'SELECT pg_wal_replay_resume()', [], 'palmares');
    await waitFor(async () => (await winnersPage()).includes(second.link), 20_000, 'the second edition on the page once replayed', 200);
    expect(await report(second)).toMatch(/is not in the results/); // the published version found, without this entry in it
  }, 60_000);
});
