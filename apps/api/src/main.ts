import 'reflect-metadata';
import { startApp } from '@app/core';
import { createApiApp } from './bootstrap';

startApp('api', async (config) => {
  const app = await createApiApp();
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
});
