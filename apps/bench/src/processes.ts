import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resolves once `child` prints a line containing `text` on stdout (its ready signal); rejects if it exits
 * first or takes longer than `timeoutMs`. The rest of its output is read and dropped.
 */
export function waitForLine(child: ChildProcess, text: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => finish(new Error(`no "${text}" after ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes(text)) finish();
    };
    const onExit = (code: number | null) => finish(new Error(`exited (${code}) before printing "${text}"`));
    const finish = (error?: Error) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      seen = '';
      child.stdout!.off('data', onData).resume();
      if (error) reject(error);
      else resolve();
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux): what it cost, whatever the machine's load. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux)
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time (ms) used so far by every Postgres server process on this machine (the benchmarks run on a quiet one). */
export function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuMs(Number(pid));
    } catch {
      // gone since the listing
    }
  }
  return total;
}

/** CPU time (ms) this process has used so far. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
