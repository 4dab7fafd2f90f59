import type { ConnectionOptions } from 'bullmq';
import { createRedisClient, type RedisPlace } from '../redis/redis-client';

/**
 * The key prefix of one queue: the environment's prefix, then the queue's name as a Redis Cluster hash tag
 * (`palmares:{notifications}`). BullMQ's scripts touch several keys of a queue at once, which a cluster allows
 * only within one slot; one tag per queue keeps each queue in one slot while the queues spread over the nodes.
 */
export const queueKeyPrefix = (environment: string, queue: string): string => `${environment}:{${queue}}`;

/** What BullMQ connects with, and how to close it once every queue on it is closed. */
export interface QueueConnection {
  connection: ConnectionOptions;
  close(): Promise<void>;
}

/**
 * The connection of the platform's queues. On one Redis, options: each queue and worker opens its own. On a
 * cluster, one ioredis Cluster the queues share (workers duplicate it for their blocking reads), which its
 * owner closes after the queues.
 */
export function createQueueConnection(place: RedisPlace): QueueConnection {
  if (!place.REDIS_CLUSTER_NODES) return { connection: { url: place.REDIS_URL, maxRetriesPerRequest: null }, close: async () => undefined };
  const cluster = createRedisClient(place, { maxRetriesPerRequest: null });
  cluster.on('error', () => undefined); // every queue and worker reports its own failures
  return {
    connection: cluster,
    close: async () => {
      await cluster.quit().catch(() => undefined);
    },
  };
}
