import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig, startApp } from '@app/core';
import { createWorker } from './bootstrap';
import { lowerPriority } from './lower-priority';

startApp('worker', async () => {
  const { WORKER_NICE } = loadConfig();
  // Lowered before any work starts.
  const lowered = lowerPriority(WORKER_NICE);
  await createWorker();
  new Logger('Worker').log(`Worker started${lowered.length ? ` (nice ${WORKER_NICE}: ${lowered.join(', ')})` : ''}`);
});
