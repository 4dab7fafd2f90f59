import 'reflect-metadata';
import { getPriority, setPriority } from 'node:os';
import { Logger } from '@nestjs/common';
import { loadConfig, startApp } from '@app/core';
import { createWorker } from './bootstrap';

startApp('worker', async () => {
  const { WORKER_NICE } = loadConfig();
  // Lowered before any work starts, never raised (only root may raise a priority).
  if (WORKER_NICE > getPriority()) setPriority(WORKER_NICE);
  await createWorker();
  new Logger('Worker').log(`Worker started${WORKER_NICE > 0 ? ` (nice ${WORKER_NICE})` : ''}`);
});
