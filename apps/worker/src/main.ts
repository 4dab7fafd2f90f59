import 'reflect-metadata';
import { createWorker } from './bootstrap';
import { checkServices, ConfigError, loadConfig } from '@app/core';

async function main(): Promise<void> {
  process.env.APP_NAME ??= 'worker';
  const config = loadConfig();
  const problems = await checkServices(config);
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  await createWorker();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
