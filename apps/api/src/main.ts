import 'reflect-metadata';
import { createApiApp } from './bootstrap';
import { checkServices, ConfigError, loadConfig } from '@app/core';

async function main(): Promise<void> {
  process.env.APP_NAME ??= 'api';
  const config = loadConfig();
  const problems = await checkServices(config);
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  const app = await createApiApp();
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
