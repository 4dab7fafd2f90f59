import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Lowers this process's CPU priority to `nice` (never raises it: only root may). On Linux a nice value belongs to
 * a thread, so every thread running now is lowered (those started later inherit the main thread's); and with
 * autogroup scheduling a nice value only orders the threads of one session against each other, so a worker that
 * leads its own session (its service manager or launcher started it so) lowers its session's group too, which is
 * what yields the CPU to the API and Postgres, each in a group of its own. Returns what it lowered.
 */
export function lowerPriority(nice: number): string[] {
  if (nice <= getPriority()) return [];
  setPriority(nice);
  const lowered = ['main thread'];
  const threads = readOr(() => readdirSync('/proc/self/task'), []).filter((tid) => Number(tid) !== process.pid);
  for (const tid of threads) {
    try {
      if (getPriority(Number(tid)) < nice) setPriority(Number(tid), nice);
    } catch {
      // the thread ended meanwhile
    }
  }
  if (threads.length) lowered.push(`${threads.length} other threads`);
  if (leadsOwnSession() && readOr(() => (writeFileSync('/proc/self/autogroup', String(nice)), true), false)) lowered.push('its session’s group');
  return lowered;
}

/** Whether this process is its session's leader (on Linux; false elsewhere). */
function leadsOwnSession(): boolean {
  const stat = readOr(() => readFileSync('/proc/self/stat', 'utf8'), '');
  // "pid (comm) state ppid pgrp session …": the command may hold spaces and parentheses, the fields after it do not.
  const session = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3];
  return Number(session) === process.pid;
}

function readOr<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch {
    return otherwise;
  }
}
