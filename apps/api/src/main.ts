import 'reflect-metadata';
import { startApp } from '@app/core';
import { createApiApp } from './bootstrap';
import { drainOnSignals } from './health/shutdown-drain';

startApp('api', async (config) => {
  const app = await createApiApp();
  drainOnSignals(app, config.SHUTDOWN_DRAIN_MS);
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
});
