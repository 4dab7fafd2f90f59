import type { Entry } from '../../api/pending';

export interface TimelineStep {
  status: string;
  at: string;
}

/**
 * The entry's history, oldest first: the API's timeline when it sends one, else what the entry's own
 * instants tell (registered, confirmed, withdrawn, excluded).
 */
export function timelineOf(entry: Entry): TimelineStep[] {
  if (entry.timeline?.length) return [...entry.timeline].sort((a, b) => a.at.localeCompare(b.at));
  const steps: [string, string | null][] = [
    ['REGISTERED', entry.createdAt],
    ['CONFIRMED', entry.confirmedAt],
    ['WITHDRAWN', entry.withdrawnAt],
    ['EXCLUDED', entry.excludedAt],
  ];
  return steps.filter((step): step is [string, string] => step[1] !== null).map(([status, at]) => ({ status, at }));
}
