import { spawnSync } from 'node:child_process';

/** Starts an app's real entry point as a process and returns how it ended. */
function start(app: 'api' | 'worker', env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', `apps/${app}/src/main.ts`], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stderr: result.stderr, lines: result.stderr.trim().split('\n') };
}

describe('start-up checks', () => {
  it('stops the API when a required variable is missing, naming it', () => {
    const { code, stderr } = start('api', {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SMTP_URL: 'smtp://127.0.0.1:1025',
      PUBLIC_URL: 'https://palmares.example',
      MAIL_FROM: 'Palmares <a@b.c>',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('JWT_SECRET: is required when NODE_ENV=production');
    expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('stops the worker on a malformed variable, naming it', () => {
    const { code, stderr } = start('worker', { REDIS_URL: 'localhost:6379' });
    expect(code).toBe(1);
    expect(stderr).toContain('REDIS_URL must be a redis:// URL');
  });

  it('says in one line which service is unreachable and how to start it', () => {
    const { code, lines } = start('api', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/palmares', REDIS_URL: 'redis://127.0.0.1:1' });
    expect(code).toBe(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Postgres is not reachable at postgres:\/\/postgres@127\.0\.0\.1:1\/palmares .* Start it: pg_ctlcluster/);
    expect(lines[1]).toMatch(/^Redis is not reachable at redis:\/\/127\.0\.0\.1:1 .* Start it: redis-server/);
  });
});
