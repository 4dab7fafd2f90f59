import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { LoadResult } from './load';

/** A run's answers by status, and the requests that got none (timeouts, other errors). */
export type AutocannonResult = LoadResult & { failures: { timeouts: number; otherErrors: number } };

interface AutocannonReport {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: { p50: number; p99: number };
  requests: { total: number };
  statusCodeStats?: Record<string, { count: number }>;
}

/**
 * `amount` GETs of `url` with `connections` clients, sent by autocannon in a process of its own: the load
 * generator never shares an event loop with the server it measures.
 */
export function autocannon(
  label: string,
  url: string,
  options: { connections: number; amount: number; headers?: Record<string, string> },
): Promise<AutocannonResult> {
  const headers = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  // autocannon ends a run at its next sample: at its default of one a second, a run's duration (so its rate) was
  // rounded up to whole seconds (20,000 answers in 2.2 s or in 2.9 s both read 3.03 s); every 10 ms it is not.
  const args = [
    resolve('node_modules/autocannon/autocannon.js'),
    '-c',
    String(options.connections),
    '-a',
    String(options.amount),
    '-L',
    '10',
    '-j',
    ...headers,
    url,
  ];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.once('error', fail);
    child.once('exit', (code) => {
      if (code !== 0) return fail(new Error(`autocannon exited with ${code}`));
      const report = JSON.parse(output) as AutocannonReport;
      const requests = report.requests.total;
      done({
        label,
        requests,
        errors: report.errors + report.non2xx, // autocannon's errors include its timeouts
        seconds: report.duration,
        perSecond: requests / report.duration,
        p50: report.latency.p50,
        p99: report.latency.p99,
        statuses: Object.fromEntries(Object.entries(report.statusCodeStats ?? {}).map(([status, { count }]) => [Number(status), count])),
        failures: { timeouts: report.timeouts, otherErrors: report.errors - report.timeouts },
      });
    });
  });
}
