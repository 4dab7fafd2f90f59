import { execFile } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { waitFor } from '@app/simulation';
import { freePort } from './redis-server';

const run = promisify(execFile);
/** Debian's Postgres binaries (the shared server's own version). */
const BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A Postgres primary and a hot standby fed by streaming replication, of the test's own: two servers on free loopback
 * ports with their data in a temporary folder, run as the `postgres` user (Postgres refuses root). The shared
 * server cannot serve here: its rules do not let a replication connection in. No Postgres binaries, no test.
 */
export class PostgresPair {
  private constructor(
    private readonly root: string,
    readonly primaryPort: number,
    readonly standbyPort: number,
  ) {}

  static async start(): Promise<PostgresPair> {
    const root = mkdtempSync(join(tmpdir(), 'palmares-pg-'));
    chmodSync(root, 0o755);
    const pair = new PostgresPair(root, await freePort(), await freePort());
    try {
      if (process.getuid?.() === 0) chownSync(root, ...(await postgresIds()));
      await asPostgres(`${BIN}/initdb`, ['-D', pair.dir('primary'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
      appendFileSync(pair.dir('primary', 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n');
      await pair.startServer('primary', pair.primaryPort);
      await asPostgres(`${BIN}/pg_basebackup`, [
        '-h',
        '127.0.0.1',
        '-p',
        String(pair.primaryPort),
        '-U',
        'postgres',
        '-D',
        pair.dir('standby'),
        '-R',
        '-X',
        'stream',
      ]);
      await pair.startServer('standby', pair.standbyPort);
    } catch (error) {
      await pair.stop();
      throw error;
    }
    return pair;
  }

  /** A URL of database `name` on the primary or on the standby. */
  url(server: 'primary' | 'standby', name = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${server === 'primary' ? this.primaryPort : this.standbyPort}/${name}`;
  }

  /** Runs one statement on a server and returns its rows. */
  async query<T>(server: 'primary' | 'standby', sql: string, params: unknown[] = [], name = 'postgres'): Promise<T[]> {
    const client = new Client({ connectionString: this.url(server, name) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** Stops both servers (immediately: nothing of theirs is kept) and removes their data. */
  async stop(): Promise<void> {
    for (const server of ['standby', 'primary'] as const) {
      await asPostgres(`${BIN}/pg_ctl`, ['-D', this.dir(server), '-m', 'immediate', 'stop']).catch(() => undefined);
    }
    rmSync(this.root, { recursive: true, force: true });
  }

  private dir(server: 'primary' | 'standby', file?: string): string {
    return file ? join(this.root, server, file) : join(this.root, server);
  }

  private async startServer(server: 'primary' | 'standby', port: number): Promise<void> {
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.root} -c fsync=off -c max_connections=50`;
    await asPostgres(`${BIN}/pg_ctl`, ['-D', this.dir(server), '-o', options, '-l', join(this.root, `${server}.log`), '-w', 'start']);
    await waitFor(
      () =>
        this.query(server, 'SELECT 1').then(
          () => true,
          () => false,
        ),
      30_000,
      `the ${server} on port ${port}`,
      100,
    );
  }
}

async function postgresIds(): Promise<[number, number]> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return [Number(uid), Number(gid)];
}

/** Postgres's tools refuse to run as root: as the `postgres` user when this is root, as this user otherwise. */
async function asPostgres(command: string, args: string[]): Promise<void> {
  const root = process.getuid?.() === 0;
  await run(root ? 'runuser' : command, root ? ['-u', 'postgres', '--', command, ...args] : args);
}
