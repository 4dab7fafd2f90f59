import 'reflect-metadata';
import { startApp } from '@app/core';
import { createApiApp } from './bootstrap';
import { drainOnSignals } from './health/shutdown-drain';
import { writeOpenApiFile } from './openapi-file';

// `main.js openapi [--check]`: the OpenAPI document, written to (or checked against) openapi.json; no server.
if (process.argv[2] === 'openapi') {
  writeOpenApiFile(process.argv.includes('--check')).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  startApp('api', async (config) => {
    const app = await createApiApp();
    drainOnSignals(app, config.SHUTDOWN_DRAIN_MS);
    await app.listen({ port: config.PORT, host: '0.0.0.0' });
  });
}
