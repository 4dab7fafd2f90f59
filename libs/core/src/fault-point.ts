import { writeFileSync } from 'node:fs';

/**
 * Test-only: the fault suite sets `FAULT_CRASH_AT=<point>:<marker file>` to have the process SIGKILL itself
 * when it reaches the named point, as a crash there would. Only the first process to get there dies (it
 * creates the marker file), so a retry by another worker runs through. Unset, this does nothing.
 */
export function faultPoint(point: string): void {
  const [name, marker] = (process.env.FAULT_CRASH_AT ?? '').split(':');
  if (name !== point || !marker) return;
  try {
    writeFileSync(marker, String(process.pid), { flag: 'wx' });
  } catch {
    return;
  }
  process.kill(process.pid, 'SIGKILL');
}
