import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Runs `lowerPriority(7)` in a process of its own and reports what it lowered, each thread's nice and its session's group. */
function lowerInChild(ownSession: boolean): Promise<{ lowered: string[]; threadNices: number[]; autogroup: string | null }> {
  const script = `
    const { readdirSync, readFileSync } = require('node:fs');
    const { getPriority } = require('node:os');
    const { lowerPriority } = require('./apps/worker/src/lower-priority.ts');
    const lowered = lowerPriority(7);
    const threadNices = readdirSync('/proc/self/task').map((tid) => getPriority(Number(tid)));
    let autogroup = null;
    try { autogroup = readFileSync('/proc/self/autogroup', 'utf8').trim(); } catch {}
    console.log(JSON.stringify({ lowered, threadNices, autogroup }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--eval', script], { detached: ownSession, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`exited with ${code}`))));
  });
}

const linux = existsSync('/proc/self/task');
const autogroups = existsSync('/proc/self/autogroup') && readFileSync('/proc/sys/kernel/sched_autogroup_enabled', 'utf8').trim() === '1';

(linux ? describe : describe.skip)('lowerPriority', () => {
  it('lowers every thread, and the session’s group when the process leads its session', async () => {
    const { lowered, threadNices, autogroup } = await lowerInChild(true);
    expect(threadNices.length).toBeGreaterThan(1);
    expect(threadNices.every((nice) => nice === 7)).toBe(true);
    if (autogroups) {
      expect(autogroup).toMatch(/ nice 7$/);
      expect(lowered).toContain('its session’s group');
    }
  });

  it('leaves the session’s group alone when the session is another process’s (the shell’s, a launcher’s)', async () => {
    const { lowered, threadNices, autogroup } = await lowerInChild(false);
    expect(threadNices.every((nice) => nice === 7)).toBe(true);
    expect(lowered).not.toContain('its session’s group');
    if (autogroups) expect(autogroup).toBe(readFileSync('/proc/self/autogroup', 'utf8').trim());
  });
});
