/**
 * Routes and fields the portal uses that `openapi.json` does not describe yet: the entries' responses,
 * which lack a schema until the contract is complete (issue 10), and issue 13's report and licence
 * routes (built by the server side of the portal). Written in openapi-typescript's shape so that the client treats them like the
 * generated ones; delete each entry once the committed document describes it, and the web build then
 * checks it against the API.
 */
import type { components } from './schema';

type Schemas = components['schemas'];
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

export type Invoice = Schemas['InvoiceView'];
export type Session = Schemas['LoginResponse'];
export type Colleague = Schemas['ColleagueView'];

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
  timeline?: { status: string; at: string }[];
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
  channelAverages?: Partial<Record<Channel, number | null>>;
  criterionScores: CriterionScore[] | Partial<Record<Channel, Record<string, number | null>>>;
  strengths?: CriterionScore[];
  weaknesses?: CriterionScore[];
  categoryAverage: number | null;
  awardThreshold: number;
  version: number;
  digest: string;
  publishedAt: string | null;
  published: boolean;
}

export interface Licence {
  invoice: Invoice | null;
  /** NONE: the category charges no licence fee, the title comes with its licence. */
  status: 'NONE' | 'UNPAID' | 'PAID';
  verificationCode: string;
  verificationUrl: string;
  /** The logo may be used until then; null while unpaid. */
  validUntil: string | null;
}

export interface PendingPaths {
  '/api/entries': Route<{
    get: Operation<Entry[], never, never, { editionId?: string; categoryId?: string; status?: EntryStatus }>;
    post: Operation<Entry, CreateEntry, never, never, 201>;
  }>;
  '/api/entries/{id}': Route<{ get: Operation<Entry, never, ById> }>;
  '/api/entries/{id}/withdraw': Route<{ post: Operation<Entry, never, ById> }>;
  '/api/entries/{id}/report': Route<{ get: Operation<EntryReport, never, ById> }>;
  '/api/entries/{id}/licence': Route<{ get: Operation<Licence, never, ById> }>;
}
