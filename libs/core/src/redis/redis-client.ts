import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config';

/** A connection to the platform's Redis: one server, or a Redis Cluster (ioredis routes each key to its slot's node). */
export type RedisClient = Redis | Cluster;

/** Where the platform's Redis is: REDIS_URL, or the nodes of REDIS_CLUSTER_NODES when that is set. */
export type RedisPlace = Pick<AppConfig, 'REDIS_URL' | 'REDIS_CLUSTER_NODES'>;

/** The cluster's startup nodes, or null when the platform uses one Redis. */
export function clusterNodes(place: RedisPlace): { host: string; port: number }[] | null {
  if (!place.REDIS_CLUSTER_NODES) return null;
  return place.REDIS_CLUSTER_NODES.split(',').map((item) => {
    const [host, port] = item.split(':');
    return { host, port: Number(port) };
  });
}

/**
 * A new client with `options` on every connection it opens. On a cluster the offline queue and the retry
 * strategy are the cluster's own settings (the cluster queues a command while it finds its slots' nodes).
 */
export function createRedisClient(place: RedisPlace, options: RedisOptions = {}): RedisClient {
  const nodes = clusterNodes(place);
  if (!nodes) return new Redis(place.REDIS_URL, options);
  const { enableOfflineQueue, retryStrategy, lazyConnect, ...perNode } = options;
  return new Cluster(nodes, {
    redisOptions: perNode,
    lazyConnect,
    // ioredis gives a node 1 s to answer CLUSTER SLOTS, which a loaded machine's start-up can miss.
    slotsRefreshTimeout: 5000,
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    ...(retryStrategy ? { clusterRetryStrategy: (times: number) => retryStrategy(times) ?? null } : {}),
  });
}

/** The Redis as an operator would name it in a message, without its password. */
export function describeRedis(place: RedisPlace): string {
  return place.REDIS_CLUSTER_NODES ? `the Redis Cluster at ${place.REDIS_CLUSTER_NODES}` : place.REDIS_URL.replace(/\/\/([^:@/]+)?:[^@/]+@/, '//$1:***@');
}

/**
 * Deletes every key that matches `pattern` (a test run's or a benchmark's prefix), on every primary of a
 * cluster: SCAN sees one node only, and one DEL may not name keys of different slots.
 */
export async function deleteKeys(client: RedisClient, pattern: string): Promise<number> {
  const nodes = client instanceof Cluster ? client.nodes('master') : [client];
  let deleted = 0;
  for (const node of nodes) {
    for await (const keys of node.scanStream({ match: pattern, count: 1000 }) as AsyncIterable<string[]>) {
      if (keys.length === 0) continue;
      const pipeline = node.pipeline();
      for (const key of keys) pipeline.unlink(key);
      await pipeline.exec();
      deleted += keys.length;
    }
  }
  return deleted;
}
