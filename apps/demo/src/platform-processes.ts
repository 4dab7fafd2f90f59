import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@app/simulation';

/** Whether a Palmares API answers healthy at `apiUrl`. */
export async function isHealthy(apiUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${apiUrl}/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/**
 * The platform started by the demonstration itself: migrations, then the built API and worker as child
 * processes with `env` (their logs go to files in `logDir`, so the progress bars stay readable).
 */
export class PlatformProcesses {
  private readonly children: ChildProcess[] = [];

  private constructor(private readonly logDir: string) {}

  static async start(apiUrl: string, env: NodeJS.ProcessEnv, logDir: string): Promise<PlatformProcesses> {
    const platform = new PlatformProcesses(logDir);
    const migrate = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], { env, encoding: 'utf8' });
    if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}${migrate.stderr}`);
    for (const app of ['api', 'worker']) platform.spawn(app, env);
    try {
      await waitFor(() => isHealthy(apiUrl), 60_000, `the API at ${apiUrl}`, 250);
    } catch (error) {
      await platform.stop();
      throw new Error(`${(error as Error).message}; see ${join(logDir, 'api.log')}`);
    }
    return platform;
  }

  /** An operator command of `apps/cli` with the platform's environment; throws with its output when it fails. */
  static runCli(args: string[], env: NodeJS.ProcessEnv): string {
    const result = spawnSync(process.execPath, ['dist/apps/cli/main.js', ...args], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args[0]} failed: ${result.stdout}${result.stderr}`);
    return result.stdout;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
  }

  private spawn(app: string, env: NodeJS.ProcessEnv): void {
    const log = createWriteStream(join(this.logDir, `${app}.log`));
    const child = spawn(process.execPath, [`dist/apps/${app}/main.js`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.children.push(child);
  }
}
