import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { checkServices } from './preflight';

/**
 * Starts an app's entry point: validates the configuration and checks that Postgres and Redis answer
 * first, so that a wrong variable or a stopped service ends the process with one line that says which.
 */
export function startApp(name: string, start: (config: AppConfig) => Promise<unknown>): void {
  process.env.APP_NAME ??= name;
  const run = async () => {
    const config = loadConfig();
    const problems = await checkServices(config);
    if (problems.length > 0) throw new ConfigError(problems.join('\n'));
    await start(config);
  };
  run().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
