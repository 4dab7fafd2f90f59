import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { waitFor } from '@app/simulation';

const run = promisify(execFile);

/** The loopback ports of the three primaries (kept clear of the shared Redis on 6379). */
export const CLUSTER_PORTS = [7301, 7302, 7303];

/**
 * A real Redis Cluster of three primaries on loopback, for the benchmarks and the scale-out test: each node a
 * `redis-server --cluster-enabled yes` keeping nothing on disk, joined by `redis-cli --cluster create`. A missing
 * `redis-server` or a port already taken is an error, never a silent fallback to one Redis.
 */
export class RedisCluster {
  private constructor(
    private readonly servers: ChildProcess[],
    private readonly dir: string,
    readonly ports: number[],
  ) {}

  /** REDIS_CLUSTER_NODES for the apps. */
  get nodes(): string {
    return this.ports.map((port) => `127.0.0.1:${port}`).join(',');
  }

  static async start(ports = CLUSTER_PORTS): Promise<RedisCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'palmares-cluster-'));
    for (const port of ports) if (await answers(port)) throw new Error(`port ${port} already has a Redis: stop it before starting the cluster`);
    const servers = ports.map((port) =>
      spawn(
        'redis-server',
        ['--cluster-enabled', 'yes', '--port', String(port), '--bind', '127.0.0.1', '--cluster-config-file', join(dir, `nodes-${port}.conf`)].concat([
          '--dir',
          dir,
          '--save',
          '',
          '--appendonly',
          'no',
          '--daemonize',
          'no',
        ]),
        { stdio: 'ignore' },
      ),
    );
    const cluster = new RedisCluster(servers, dir, ports);
    try {
      await Promise.all(
        servers.map(
          (server, i) =>
            new Promise<void>((resolve, reject) => {
              server.once('error', (error) => reject(new Error(`cannot start redis-server (is it installed?): ${error.message}`)));
              server.once('exit', (code) => reject(new Error(`redis-server on port ${ports[i]} exited with code ${code}`)));
              void waitFor(() => answers(ports[i]), 10_000, `redis-server on port ${ports[i]}`, 50).then(resolve, reject);
            }),
        ),
      );
      await run('redis-cli', ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes']);
      await waitFor(async () => (await Promise.all(ports.map(clusterIsOk))).every(Boolean), 20_000, 'the Redis Cluster to be ok', 100);
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** Kills every node and removes their files. */
  async stop(): Promise<void> {
    await Promise.all(
      this.servers.map((server) =>
        server.exitCode !== null || server.signalCode !== null || server.pid === undefined
          ? null
          : new Promise((resolve) => {
              server.once('exit', resolve);
              server.kill('SIGKILL');
            }),
      ),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function ask<T>(port: number, question: (client: Redis) => Promise<T>): Promise<T | null> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await question(client);
  } catch {
    return null;
  } finally {
    client.disconnect();
  }
}

const answers = async (port: number) => (await ask(port, (client) => client.ping())) === 'PONG';

const clusterIsOk = async (port: number) => (await ask(port, (client) => client.cluster('INFO')))?.includes('cluster_state:ok') ?? false;
