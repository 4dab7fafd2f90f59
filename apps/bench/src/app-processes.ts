import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { waitForHealth } from './http';
import { cpuMs } from './processes';

/** How many API and worker processes a benchmark runs: `BENCH_APIS` (default 1) and `BENCH_WORKERS` (default `workers`). */
export function fleetSize(defaults: { apis?: number; workers?: number } = {}): { apis: number; workers: number } {
  const count = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
    return value;
  };
  return { apis: count('BENCH_APIS', defaults.apis ?? 1), workers: count('BENCH_WORKERS', defaults.workers ?? 1) };
}

/** The built apps a benchmark started, as processes of their own. */
export interface Fleet {
  /** Each API's base URL (`http://127.0.0.1:<port>`), in start order. */
  apis: string[];
  workers: number;
  /** CPU time (ms) each kind of process has used so far, summed over its processes. */
  cpuMs(): { api: number; worker: number };
  /** SIGTERM to every process, and waits for them all to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `apis` built APIs (`dist/apps/api/main.js`), each on a free loopback port (other benchmarks may run on
 * this machine), and `workers` built workers with `env`, and waits until every API answers its health check.
 * `BENCH_PROFILE` adds a CPU profile per process.
 */
export async function startFleet(
  env: NodeJS.ProcessEnv,
  size: { apis: number; workers: number },
  /** What worker `i` has in its environment besides `env` (its sectors, for instance). */
  workerEnv: (i: number) => NodeJS.ProcessEnv = () => ({}),
): Promise<Fleet> {
  const children: ChildProcess[] = [];
  const kinds = new Map<ChildProcess, 'api' | 'worker'>();
  const start = (app: 'api' | 'worker', extra: NodeJS.ProcessEnv = {}) => {
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [];
    // Each in a session of its own, as a service manager starts them (so the worker's lowered priority counts
    // against the API's and Postgres's, not only against the bench's: see docs/operations.md).
    const child = spawn(process.execPath, [...profile, `dist/apps/${app}/main.js`], {
      env: { ...env, ...extra },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    children.push(child);
    kinds.set(child, app);
  };
  const cpu = () => {
    const used = { api: 0, worker: 0 };
    for (const [child, kind] of kinds) if (child.exitCode === null && child.signalCode === null) used[kind] += cpuMs(child.pid!);
    return used;
  };
  // The processes share Postgres's max_connections (100 here) with the bench's own pool of 20: unless told,
  // each process's pool is its share of 70 (20 at most), as docs/operations.md says to size it.
  env = { ...env, DATABASE_POOL_SIZE: env.DATABASE_POOL_SIZE ?? String(Math.min(20, Math.floor(70 / (size.apis + size.workers)))) };
  // Sessions of their own do not hear the terminal's Ctrl-C: the bench's exit takes them along.
  const orphans = () => children.forEach((child) => child.kill('SIGKILL'));
  const interrupted = () => process.exit(130);
  process.once('exit', orphans).once('SIGINT', interrupted);
  const ports = await freePorts(size.apis);
  for (const port of ports) start('api', { PORT: String(port) });
  for (let i = 0; i < size.workers; i++) start('worker', workerEnv(i));
  const stop = async () => {
    for (const child of children) child.kill('SIGTERM');
    // A process still closing after 15 s is killed, and said so (on the cluster a worker's close has hung).
    const timer = setTimeout(() => {
      for (const child of children.filter((c) => c.exitCode === null && c.signalCode === null)) {
        console.log(`process ${child.pid} still running 15 s after SIGTERM: SIGKILL`);
        child.kill('SIGKILL');
      }
    }, 15_000);
    await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((resolve) => c.once('exit', resolve)))));
    clearTimeout(timer);
    process.off('exit', orphans).off('SIGINT', interrupted);
  };
  try {
    // Several processes starting at once on a loaded machine: up to two minutes.
    await Promise.all(ports.map((port) => waitForHealth(`http://127.0.0.1:${port}/health`, 600)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { apis: ports.map((port) => `http://127.0.0.1:${port}`), workers: size.workers, cpuMs: cpu, stop };
}

/** "2 API processes, 3 worker processes, a 3-node Redis Cluster", for a benchmark's heading. */
export function describeFleet(fleet: Fleet): string {
  const redis = process.env.REDIS_CLUSTER_NODES ? `a ${process.env.REDIS_CLUSTER_NODES.split(',').length}-node Redis Cluster` : 'one Redis';
  return `${fleet.apis.length} API process(es), ${fleet.workers} worker process(es), ${redis}`;
}

/** `count` distinct ports the kernel gives out on loopback (held together, then released). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
