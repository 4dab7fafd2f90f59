/**
 * Routes and fields the portal uses that `openapi.json` does not describe yet: the entries' responses,
 * report and entry timeline, which lack a schema until the contract is complete (issue 10). Written in openapi-typescript's shape so that the client treats them like the
 * generated ones; delete each entry once the committed document describes it, and the web build then
 * checks it against the API.
 */
import type { Invoice } from './types';

type Channel = 'PHONE' | 'EMAIL' | 'WEB' | 'CHAT' | 'SOCIAL';
type Json<T> = { content: { 'application/json': T } };
type Headers = { headers: { [name: string]: unknown } };
type Params<Path, Query> = { header?: never; cookie?: never } & ([Path] extends [never] ? { path?: never } : { path: Path }) &
  ([Query] extends [never] ? { query?: never } : { query?: Query });
type Body<T> = [T] extends [never] ? { requestBody?: never } : { requestBody: Json<T> };
type Operation<Res, Req = never, Path = never, Query = never, Status extends number = 200> = { parameters: Params<Path, Query> } & Body<Req> & {
    responses: { [S in Status]: Headers & ([Res] extends [void] ? { content?: never } : Json<Res>) };
  };
type NoMethods = {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  get?: never;
  put?: never;
  post?: never;
  delete?: never;
  options?: never;
  head?: never;
  patch?: never;
  trace?: never;
};
/** A path item: the methods given, every other one `never`, as openapi-typescript writes them. */
type Route<M> = Omit<NoMethods, keyof M> & M;
type ById = { id: string };

export type EntryStatus = 'PENDING_PAYMENT' | 'CONFIRMED' | 'IN_TEST' | 'RANKED' | 'WITHDRAWN' | 'EXCLUDED';

export interface Entry {
  id: string;
  editionId: string;
  categoryId: string;
  companyId: string;
  status: EntryStatus;
  contactPoints: Partial<Record<Channel, string[]>>;
  exclusionReason: string | null;
  createdAt: string;
  confirmedAt: string | null;
  withdrawnAt: string | null;
  excludedAt: string | null;
  invoice: Invoice | null;
  /** The entry's history, oldest first: on `GET /api/entries/:id` only. */
  timeline?: { status: 'REGISTERED' | 'PAID' | 'CONFIRMED' | 'WITHDRAWN' | 'EXCLUDED' | 'IN_TEST' | 'RANKED'; at: string }[];
}

export interface CreateEntry {
  categoryId: string;
  contactPoints: Partial<Record<Channel, string[]>>;
}

export interface CriterionScore {
  channel: Channel;
  key: string;
  label: string;
  max: number;
  score: number | null;
  categoryAverage: number | null;
}

export interface EntryReport {
  entryId: string;
  editionYear: number;
  editionName: string;
  companyName: string;
  categoryCode: string;
  categoryName: string;
  categoryOutcome: 'WINNER' | 'NO_WINNER' | 'CANCELLED';
  rank: number | null;
  of: number;
  entrants: number;
  score: number | null;
  marginOfError: number | null;
  eligible: boolean;
  insufficientChannels: Channel[];
  winner: boolean;
  approvedCount: number;
  channelScores: Partial<Record<Channel, number | null>>;
  /** The category's mean score per channel, out of 20. */
  channelAverages: Partial<Record<Channel, number | null>>;
  criterionScores: CriterionScore[];
  strengths: CriterionScore[];
  weaknesses: CriterionScore[];
  /** The score's 95 % interval (null without a margin). */
  scoreInterval: { low: number; high: number } | null;
  categoryAverage: number | null;
  awardThreshold: number;
  version: number;
  digest: string;
  publishedAt: string | null;
  published: boolean;
}

export interface PendingPaths {
  '/api/entries': Route<{
    get: Operation<Entry[], never, never, { editionId?: string; categoryId?: string; status?: EntryStatus }>;
    post: Operation<Entry, CreateEntry, never, never, 201>;
  }>;
  '/api/entries/{id}': Route<{ get: Operation<Entry, never, ById> }>;
  '/api/entries/{id}/withdraw': Route<{ post: Operation<Entry, never, ById> }>;
  '/api/entries/{id}/report': Route<{ get: Operation<EntryReport, never, ById> }>;
}
