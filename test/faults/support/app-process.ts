import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@app/simulation';

/** Where the fault suite writes each process's log (JSON lines), one folder per test run. */
export const LOG_DIR = join('var', 'faults', process.env.TEST_RUN_ID ?? 'local');

/** The line each built app logs once it is ready (the API once it listens, the worker once its processors run). */
const READY: Record<AppName, string> = { api: 'Nest application successfully started', worker: 'Worker started' };

export type AppName = 'api' | 'worker';

/**
 * A built app (`dist/apps/<name>/main.js`, built by `npm run test:faults`) running as a process of its own,
 * so that the suite can SIGKILL or SIGTERM it at a chosen moment. Its output goes to `var/faults/<run>/<label>.log`.
 */
export class AppProcess {
  private output = '';
  private exited: Promise<number | null>;

  private constructor(
    readonly label: string,
    private readonly child: ChildProcess,
  ) {
    mkdirSync(LOG_DIR, { recursive: true });
    writeFileSync(this.logFile, '');
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString();
      appendFileSync(this.logFile, chunk);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static async start(app: AppName, label: string, env: NodeJS.ProcessEnv, options: { ready?: boolean } = {}): Promise<AppProcess> {
    const child = spawn(process.execPath, [`dist/apps/${app}/main.js`], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const started = new AppProcess(label, child);
    if (options.ready ?? true) await started.waitForLog(READY[app], 30_000);
    return started;
  }

  get logFile(): string {
    return join(LOG_DIR, `${this.label}.log`);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** How many log lines contain `text`. */
  count(text: string): number {
    return this.output.split('\n').filter((line) => line.includes(text)).length;
  }

  async waitForLog(text: string, timeoutMs = 30_000): Promise<void> {
    await waitFor(
      () => {
        if (this.output.includes(text)) return true;
        if (!this.running) throw new Error(`${this.label} exited before logging "${text}"; see ${this.logFile}`);
        return false;
      },
      timeoutMs,
      `${this.label} to log "${text}" (see ${this.logFile})`,
      50,
    );
  }

  /** Sends `signal` and waits for the process to end; returns its exit code (null when killed by the signal). */
  async signal(signal: NodeJS.Signals): Promise<number | null> {
    if (this.running) this.child.kill(signal);
    return this.exited;
  }

  /** Waits for the process to end by itself (a fault hook that kills it). */
  async waitForExit(timeoutMs = 30_000): Promise<void> {
    await waitFor(() => !this.running, timeoutMs, `${this.label} to exit`, 50);
  }

  /** Ends it if still running (SIGKILL after 10 s of SIGTERM). */
  async stop(): Promise<void> {
    if (!this.running) return;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.signal('SIGTERM');
    clearTimeout(timer);
  }
}
