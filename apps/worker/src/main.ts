import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { startApp } from '@app/core';
import { createWorker } from './bootstrap';

startApp('worker', async () => {
  await createWorker();
  new Logger('Worker').log('Worker started');
});
