import type { ApiClient } from '../api-client';
import type { Cast, SimCompany } from './cast';
import type { InboxMessage, SeasonInbox } from './inbox';
import type { SeasonOptions } from './options';

/** The phases of a season, in order; each is reported to the progress display and recorded when reached. */
export const PHASES = {
  setup: 'Jury sets up the edition',
  registration: 'Companies sign up, register and pay',
  shoppers: 'Shoppers are invited and accept',
  deadline: 'Deadline passes, unpaid excluded',
  testing: 'Test period: shoppers test, jury reviews',
  results: 'Results frozen, published, told',
} as const;
export type Phase = (typeof PHASES)[keyof typeof PHASES];

/** What the season reports as it goes (a progress bar per phase in the demo; nothing in the test). */
export interface SeasonProgress {
  start(phase: Phase, total: number): void;
  update(phase: Phase, done: number, total?: number): void;
  finish(phase: Phase): void;
  log(line: string): void;
}

export const SILENT_PROGRESS: SeasonProgress = { start() {}, update() {}, finish() {}, log() {} };

export interface SeasonContext {
  client: ApiClient;
  inbox: SeasonInbox;
  jury: { email: string; password: string };
  /** The platform's webhook secret, to play the card payment provider; without it everyone pays by bank transfer. */
  webhookSecret: string | null;
  progress?: SeasonProgress;
  /** Where to save each entrant's report PDF. */
  reportsDir?: string;
}

export interface SeasonEntry {
  company: SimCompany;
  entryId: string;
  invoiceId: string;
  totalCents: number;
  token: string;
  userEmail: string;
}

export interface PalmaresCategory {
  code: string;
  name: string;
  outcome: 'WINNER' | 'NO_WINNER' | 'CANCELLED';
  winners: { companyName: string; score: number | null; marginOfError: number | null }[];
  entrants: number;
}

export interface EntrantReport {
  entryId: string;
  companyName: string;
  categoryCode: string;
  rank: number | null;
  of: number;
  score: number | null;
  eligible: boolean;
  insufficientChannels: string[];
  winner: boolean;
}

export interface SeasonResult {
  run: string;
  options: SeasonOptions;
  cast: Cast;
  edition: { id: string; year: number; name: string };
  phasesReached: Phase[];
  entries: SeasonEntry[];
  /** Entry statuses as the jury reads them after publication, by entry id. */
  entryStatuses: Record<string, string>;
  palmares: PalmaresCategory[];
  reports: EntrantReport[];
  digest: string;
  counts: { submitted: number; approved: number; rejected: number; missed: number; expired: number; replacements: number };
  emails: InboxMessage[];
  durationMs: number;
}
