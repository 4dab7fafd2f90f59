import 'reflect-metadata';
import { startApp } from '@app/core';
import { createWorker } from './bootstrap';

startApp('worker', () => createWorker());
