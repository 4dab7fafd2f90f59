import { Agent, request } from 'undici';
import { inParallel } from '@app/simulation';

export interface LoadResult {
  label: string;
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
}

/**
 * `concurrency` HTTP clients whose connections stay open from one burst to the next: a warm-up on them connects
 * them, as the browsers (or the proxy in front of the APIs) of a rush already are, so that the measured burst
 * times answers, not 200 TCP handshakes in the same millisecond (those made ~1 % of the first wave wait over 1 s).
 * The caller closes them.
 */
export function connectedClients(concurrency: number): Agent {
  return new Agent({ connections: concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
}

/** Sends `count` requests with `concurrency` of `clients` in flight; `make(i)` builds request i (a GET when it has no body). */
export async function burst(
  label: string,
  count: number,
  concurrency: number,
  clients: Agent,
  make: (i: number) => { url: string; body?: unknown; token?: string },
): Promise<LoadResult> {
  const statuses: Record<number, number> = {};
  const result = await burstOf(label, count, concurrency, async (i) => {
    const { url, body, token } = make(i);
    const response = await request(url, {
      method: body === undefined ? 'GET' : 'POST',
      dispatcher: clients,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    await response.body.dump();
    statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
    if (response.statusCode >= 300) throw new Error(`HTTP ${response.statusCode}`);
  });
  return { ...result, statuses };
}

/** Runs `work(i)` `count` times with `concurrency` in flight (for the database ceiling). */
export async function burstOf(label: string, count: number, concurrency: number, work: (i: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await inParallel(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const t0 = performance.now();
      await work(i).catch(() => errors++);
      latencies.push(performance.now() - t0);
    },
  );
  const seconds = (performance.now() - started) / 1000;
  return { label, requests: count, errors, seconds, perSecond: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), statuses: {} };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export function printResults(results: LoadResult[]): void {
  const rows = results.map((r) => ({
    run: r.label,
    requests: r.requests,
    errors: r.errors,
    'per second': r.perSecond.toFixed(0),
    'p50 ms': r.p50.toFixed(1),
    'p99 ms': r.p99.toFixed(1),
    seconds: r.seconds.toFixed(2),
  }));
  console.table(rows);
}
