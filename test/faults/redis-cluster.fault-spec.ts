import { Cluster } from 'ioredis';
import { createRedisClient, QueueName, queueKeyPrefix, sectorQueueName } from '@app/core';
import { waitFor, type ApiClient } from '@app/simulation';
import { RedisCluster } from '../../apps/bench/src/redis-cluster';
import { PASSWORD, signupBody } from '../support/fixtures';
import { seedCategory, seedEntry, seedShopper, seedTestingEdition } from '../support/tasks-fixtures';
import { FaultPlatform } from './support/fault-platform';
import { taskFigures } from './support/figures';

/**
 * Scale-out on a real 3-node Redis Cluster started here on loopback (ports 7301–7303; no `redis-server`, no
 * test): two API processes and a worker, every Redis use of the platform on the cluster — the queues (one hash
 * tag per queue), the login throttle and the e-mail limits (their own keys, in any slot).
 */
describe('scale-out: two APIs and a worker on a 3-node Redis Cluster', () => {
  let cluster: RedisCluster;
  let platform: FaultPlatform;
  let apis: ApiClient[];
  let redis: Cluster;

  beforeAll(async () => {
    cluster = await RedisCluster.start();
    platform = await FaultPlatform.start();
    const env = { REDIS_CLUSTER_NODES: cluster.nodes, RECONCILE_EVERY_MS: '2000' };
    apis = [(await platform.startApi('cluster-api-1', env)).client, (await platform.startApi('cluster-api-2', env)).client];
    await platform.startWorker('cluster-worker', env);
    redis = createRedisClient({ REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.nodes }) as Cluster;
  }, 180_000);
  afterAll(async () => {
    try {
      await redis?.quit();
      await platform?.close();
    } finally {
      await cluster?.stop(); // whatever failed, no node outlives the test
    }
  });

  /** Every key of the cluster that matches `pattern`, read from each primary (SCAN sees one node). */
  async function keysOf(pattern: string): Promise<string[]> {
    const perNode = await Promise.all(redis.nodes('master').map((node) => node.keys(pattern)));
    return perNode.flat();
  }
  const slotOf = async (key: string) => Number(await redis.cluster('KEYSLOT', key));
  const slotsOf = async (keys: string[]) => new Set(await Promise.all(keys.map(slotOf)));
  /** The primary that serves `slot`, by its port. */
  async function nodeOf(slot: number): Promise<number> {
    const [, , [, port]] = (await redis.cluster('SLOTS')).find(([from, to]) => slot >= from && slot <= to)!;
    return port;
  }

  it('queues a sign-up’s confirmation e-mail on the cluster; the worker sends it; the queue keeps one slot', async () => {
    const body = signupBody();
    expect((await apis[0].post('/api/auth/signup', body)).status).toBe(201);
    await platform.inbox.waitForMail(body.email, { timeoutMs: 20_000 });

    const queueKeys = await keysOf(`${queueKeyPrefix(platform.prefix, QueueName.Notifications)}:*`);
    expect(queueKeys.length).toBeGreaterThan(0);
    expect((await slotsOf(queueKeys)).size).toBe(1);
    // The sign-up route's limit per client address counted on the cluster too.
    expect(await keysOf(`${platform.prefix}:email-routes:*`)).toHaveLength(1);
  }, 60_000);

  it('blocks an account after 10 wrong passwords sent through both APIs, its keys and the address’s in their own slots', async () => {
    const body = signupBody();
    expect((await apis[1].post('/api/auth/signup', body)).status).toBe(201);
    const login = (i: number, password: string) => apis[i % 2].post('/api/auth/login', { email: body.email, password });
    for (let i = 0; i < 10; i++) expect((await login(i, `wrong-password-${i}`)).status).toBe(401);
    const refused = await login(0, PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_FAILED_LOGINS' });
    expect((await login(1, PASSWORD)).status).toBe(429);

    const account = await keysOf(`${platform.prefix}:password-attempts:{account:${body.email}}:*`);
    const address = await keysOf(`${platform.prefix}:password-attempts:{address:*`);
    expect(account.sort()).toEqual(
      [`{account:${body.email}}:attempts`, `{account:${body.email}}:blocked`].map((k) => `${platform.prefix}:password-attempts:${k}`),
    );
    expect(address.length).toBeGreaterThan(0);
    expect((await slotsOf(account)).size).toBe(1);
    expect([...(await slotsOf(address))]).not.toContain([...(await slotsOf(account))][0]);
  }, 60_000);

  it('assigns every task of a season through the sector queues, each queue in one slot, the queues spread over the nodes', async () => {
    const { db } = platform;
    // 6 sectors × 3 entries × 10 phone tasks, the test period starting in a few seconds (the worker's calendar job);
    // 12 shoppers a sector, as rotation lets one shopper test a company once here.
    const start = new Date(Date.now() + 5_000);
    const editionId = await seedTestingEdition(db, start, new Date(start.getTime() + 30 * 60_000));
    await db.query(`UPDATE edition SET status = 'CLOSED' WHERE id = $1`, [editionId]);
    const codes: string[] = [];
    for (let c = 0; c < 6; c++) {
      const category = await seedCategory(db, editionId, { PHONE: 10 });
      codes.push(category.code);
      for (let e = 0; e < 3; e++) await seedEntry(db, editionId, category.id);
      for (let s = 0; s < 12; s++) await seedShopper(db, { sectors: [category.code], capacity: 20 });
    }
    await db.query(`UPDATE entry SET status = 'CONFIRMED' WHERE edition_id = $1`, [editionId]);

    await waitFor(
      async () => {
        const figures = await taskFigures(db, editionId);
        return figures.expected === 180 && figures.assigned === 180;
      },
      60_000,
      'every task to be assigned',
      500,
    ).catch(() => undefined);
    expect(await taskFigures(db, editionId)).toMatchObject({ expected: 180, assigned: 180, lost: 0, doubled: 0, stuck: 0 });

    const slotOfQueue = async (name: string) => {
      const keys = await keysOf(`${queueKeyPrefix(platform.prefix, name)}:*`);
      expect(keys.length).toBeGreaterThan(0);
      const queueSlots = await slotsOf(keys);
      expect(queueSlots.size).toBe(1);
      return [...queueSlots][0];
    };
    const sectorSlots = await Promise.all(codes.map((code) => slotOfQueue(sectorQueueName(code))));
    expect(new Set(sectorSlots).size).toBeGreaterThan(1);
    const namedSlots = await Promise.all([QueueName.Notifications, QueueName.Tasks, QueueName.EditionCalendar].map(slotOfQueue));
    expect(new Set(await Promise.all([...sectorSlots, ...namedSlots].map(nodeOf))).size).toBeGreaterThan(1);
  }, 120_000);
});
