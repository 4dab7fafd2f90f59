import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { openBenchEnvironment } from './bench-environment';
import { waitForLine } from './processes';

/**
 * `npm run bench:startup`: the built API and worker (dist/apps/<app>/main.js) started `BENCH_RUNS` times (5)
 * against a migrated database, each timed from spawn to ready — the API once `GET /health` answers 200, the
 * worker once it logs "Worker started" (its processors run; the fault suite waits for the same line) — next to
 * two floors measured in the same run: a bare `node -e` process to its exit, and a bare Nest app (Fastify,
 * one route) to its first 200. Goal: each app ready in < 3 s. `BENCH_PROFILE=1` writes CPU profiles to /tmp/prof.
 */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));

/** A bare Nest + Fastify app with one route, written without decorators so that `node -e` runs it as it is. */
const BARE_NEST = `
const { Controller, Get, Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');
class Health { ok() { return 'ok'; } }
Get('health')(Health.prototype, 'ok', Object.getOwnPropertyDescriptor(Health.prototype, 'ok'));
Controller()(Health);
class Bare {}
Module({ controllers: [Health] })(Bare);
NestFactory.create(Bare, new FastifyAdapter(), { logger: false }).then((app) => app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }));
`;

export async function benchStartup(): Promise<void> {
  const environment = await openBenchEnvironment();
  const env = {
    ...process.env,
    DATABASE_URL: environment.databaseUrl,
    QUEUE_PREFIX: environment.queuePrefix,
    SMTP_URL: environment.smtpUrl,
    LOG_LEVEL: 'info',
    WORKER_SECTORS: '',
  };
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [];
  /** Milliseconds from spawn to `ready` resolving; then the process is stopped (SIGTERM) and awaited. */
  let health = '';
  const timed = async (args: string[], ready: (child: ReturnType<typeof spawn>) => Promise<void>): Promise<number> => {
    // A port of its own each time: another process (or the last one, draining) must not answer for it.
    const port = await freePort();
    health = `http://127.0.0.1:${port}/health`;
    const t = performance.now();
    const child = spawn(process.execPath, args, { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await ready(child);
      return performance.now() - t;
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    }
  };
  const healthy = async () => {
    for (const started = Date.now(); Date.now() - started < 30_000; await new Promise((r) => setTimeout(r, 10))) {
      if (
        await fetch(health).then(
          (r) => r.status === 200,
          () => false,
        )
      )
        return;
    }
    throw new Error(`${health} did not answer 200 within 30 s`);
  };
  const times: Record<string, number[]> = {
    'node -e (exits)': [],
    'bare Nest app (/health 200)': [],
    'API (/health 200)': [],
    'worker ("Worker started")': [],
  };
  try {
    for (let run = 0; run < RUNS; run++) {
      times['node -e (exits)'].push(await timed(['-e', '0'], (child) => new Promise((resolve) => child.once('exit', () => resolve()))));
      times['bare Nest app (/health 200)'].push(await timed(['-e', BARE_NEST], healthy));
      times['API (/health 200)'].push(await timed([...profile, 'dist/apps/api/main.js'], healthy));
      times['worker ("Worker started")'].push(await timed([...profile, 'dist/apps/worker/main.js'], (child) => waitForLine(child, 'Worker started', 30_000)));
    }
  } finally {
    await environment.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.table(
    Object.entries(times).map(([process, ms]) => ({
      process,
      runs: ms.map((m) => (m / 1000).toFixed(2)).join(' '),
      'median s': (median(ms) / 1000).toFixed(2),
      'max s': (Math.max(...ms) / 1000).toFixed(2),
    })),
  );
  const floor = median(times['bare Nest app (/health 200)']);
  for (const app of ['API (/health 200)', 'worker ("Worker started")']) {
    const m = median(times[app]);
    console.log(
      `${app}: median ${(m / 1000).toFixed(2)} s, ${(m / floor).toFixed(1)}× the bare Nest app; slowest ${(Math.max(...times[app]) / 1000).toFixed(2)} s (target < 3 s)`,
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
