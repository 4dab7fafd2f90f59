import { randomInt, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import Stripe from 'stripe';
import { checkoutCompleted, WEBHOOK_SECRET } from '../support/billing';
import { PASSWORD, randomSiren, uniqueEmail } from '../support/fixtures';
import { TestPlatform } from '../support/platform';
import { categoryBody, contactPoints, createCategory, createEdition, juryToken, openEdition, quickCompanies } from '../support/season';
import { quickShoppers, seedEntryInTest, seedTask } from '../support/shoppers';
import { changedTables, stateChecksum } from '../support/state';
import {
  callers,
  deepArrays,
  deepObjects,
  alwaysRefused,
  alwaysRefusedText,
  hostileBodyText,
  hostileCharacter,
  hostileKey,
  hostileUrlValue,
  hostileValue,
  impossibleOffsets,
  notObjectBodies,
  probeNumbers,
  probeQueryNumbers,
  RawUrl,
  reshapes,
  urlValue,
  writeJson,
  type Caller,
} from './hostile-inputs';
import { brokenRule, operationsOf, plausible, queryValue, resolve, type OpenApiDocument, type Operation, type Schema } from './openapi';

/**
 * Property-based fuzzing of every operation of the OpenAPI document (so a route added later is fuzzed with no
 * edit here): each run takes a plausible request built from the schemas and the fixtures, breaks one thing in it
 * (a body field's type, presence, size, text or nesting; an unknown field; the whole body; a query or path value)
 * and sends it as an anonymous, company, shopper or jury caller, or with a forged token. Every answer must be
 * below 500, an error must have the `{ statusCode, error, message }` shape, a refused request must leave
 * every table as it was, and a request that breaks a rule holding for every route (see `mustBeRefused`) must be refused. Fixed seed; `FUZZ_RUNS` runs per operation (default 20), `FUZZ_SEED` to replay.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20270310);

type Path = (string | number)[];
type Change =
  | { kind: 'replace'; at: Path; value: unknown }
  | { kind: 'delete'; at: Path }
  | { kind: 'extra'; at: Path; key: string; value: unknown }
  | { kind: 'text'; at: Path; body: string }
  | { kind: 'insert'; at: Path; character: string; position: number }
  | { kind: 'reshape'; at: Path; into: string }
  | { kind: 'offset'; at: Path; offset: string }
  | { kind: 'query'; name: string; value: string | RawUrl; twice: boolean }
  | { kind: 'path'; name: string; value: string | RawUrl }
  | { kind: 'caller-only' };

interface Figures {
  calls: number;
  byStatus: Record<string, number>;
  serverErrors: string[];
  shapeViolations: string[];
  stateChanges: string[];
  acceptedBadInput: string[];
  unconfigured: number;
}

describe('fuzz: no input breaks any route', () => {
  let platform: TestPlatform;
  let doc: OpenApiDocument;
  const tokens: Record<Caller, string | null> = { anonymous: null, company: '', shopper: '', jury: '', forged: '' };
  const ids: Record<string, string> = {};
  let answers: Record<string, number>;
  let state: Map<string, string>;
  const figures: Figures = { calls: 0, byStatus: {}, serverErrors: [], shapeViolations: [], stateChanges: [], acceptedBadInput: [], unconfigured: 0 };

  beforeAll(async () => {
    platform = await TestPlatform.start({ worker: false, env: { STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_SECRET_KEY: '' } });
    tokens.jury = await juryToken(platform);
    tokens.forged = tokens.jury.slice(0, -3) + (tokens.jury.endsWith('AAA') ? 'BBB' : 'AAA');
    const edition = await createEdition(platform, tokens.jury);
    const category = await createCategory(platform, tokens.jury, edition.id);
    // The fixture entry is in a second category, so a plausible entry in the first one can be registered.
    const entered = await createCategory(platform, tokens.jury, edition.id);
    await openEdition(platform, tokens.jury, edition.id);
    const [company, tested] = await quickCompanies(platform, 2);
    tokens.company = company.token;
    const entry = await platform.client.post('/api/entries', { categoryId: entered.id, contactPoints }, company.token);
    const [shopper] = await quickShoppers(platform, 1, { sectors: [category.code] });
    tokens.shopper = shopper.token;
    const inTest = await seedEntryInTest(platform, { editionId: edition.id, categoryId: category.id, companyId: tested.id });
    const task = (status?: string) =>
      seedTask(platform, { editionId: edition.id, categoryId: category.id, entryId: inTest, companyId: tested.id, shopperId: shopper.id, status });
    const [taskId, evaluatedTask] = [await task(), await task()];
    answers = { 'phone-greeting': 3, 'phone-answer': 2, 'phone-courtesy': 1 };
    const evaluation = await platform.client.post(
      `/api/tasks/${evaluatedTask}/evaluation`,
      { performedAt: new Date().toISOString(), answers, facts: { resolved: true, waitSeconds: 30 } },
      shopper.token,
    );
    Object.assign(ids, {
      editions: edition.id,
      categories: category.id,
      companies: company.id,
      entries: entry.body.id,
      invoices: entry.body.invoice.id,
      shoppers: shopper.id,
      tasks: taskId,
      evaluations: evaluation.body.id,
    });
    doc = (await platform.client.get('/docs-json')).body;
    state = await stateChecksum(platform.dataSource);
  });
  afterAll(async () => {
    const lines = [
      `fuzz: seed ${SEED}, ${RUNS} runs per operation, ${operationsOf(doc ?? { paths: {} }).length} operations, ${figures.calls} calls`,
      `  answers by status: ${JSON.stringify(figures.byStatus)}`,
      `  5xx: ${figures.serverErrors.length}, error-shape violations: ${figures.shapeViolations.length}, state changes by a refused request: ${figures.stateChanges.length}, bad input accepted: ${figures.acceptedBadInput.length}` +
        ` (503 for an unconfigured payment provider, allowed: ${figures.unconfigured})`,
      ...[...figures.serverErrors, ...figures.shapeViolations, ...figures.stateChanges, ...figures.acceptedBadInput].slice(0, 15).map((line) => `  ✗ ${line}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    await platform?.close();
  });

  /** A value for a property by its name, where its example alone would not get past the first check. */
  function hint(name: string): unknown {
    const template = categoryBody();
    if (name.endsWith('Id') && ids[`${name.slice(0, -2)}s`.replace(/ys$/, 'ies')]) return ids[`${name.slice(0, -2)}s`.replace(/ys$/, 'ies')];
    if (/email/i.test(name)) return uniqueEmail('fuzz');
    if (name === 'password') return PASSWORD;
    if (name === 'siren') return randomSiren();
    if (name === 'code') return `fuzz-${randomUUID().slice(0, 8)}`;
    if (name === 'year') return randomInt(2030, 2100);
    if (name === 'performedAt' || name === 'receivedAt') return new Date().toISOString();
    if (name === 'answers') return answers;
    if (name === 'facts') return { resolved: true, waitSeconds: 30 };
    if (name === 'contactPoints') return contactPoints;
    if (name === 'conflicts') return [{ siren: randomSiren(), reason: 'Ma sœur y travaille' }];
    if (name === 'sectors') return ['banking'];
    if (name in template && ['quotas', 'weights', 'grids', 'scenarios'].includes(name)) return template[name as keyof typeof template];
    return undefined;
  }

  /** The plausible body of an operation: a paid checkout of the fixture invoice for the signed webhook. */
  function plausibleBody(op: Operation): unknown {
    if (op.headers.includes('stripe-signature')) return checkoutCompleted({ invoiceId: ids.invoices, amountTotal: 1_641_600 });
    if (op.body) return plausible(doc, op.body, hint);
    return op.method === 'GET' ? undefined : {};
  }

  function pathsIn(value: unknown, at: Path = []): Path[] {
    if (Array.isArray(value)) return [at, ...value.flatMap((item, i) => pathsIn(item, [...at, i]))];
    if (value !== null && typeof value === 'object') return [at, ...Object.entries(value).flatMap(([key, item]) => pathsIn(item, [...at, key]))];
    return [at];
  }

  function changes(op: Operation): fc.Arbitrary<Change> {
    const options: fc.WeightedArbitrary<Change>[] = [{ weight: 1, arbitrary: fc.constant({ kind: 'caller-only' }) }];
    const body = plausibleBody(op);
    if (body !== undefined) {
      const at = fc.constantFrom(...pathsIn(body));
      options.push(
        { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, value: hostileValue }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at }) },
        { weight: 4, arbitrary: fc.record({ kind: fc.constant('reshape' as const), at, into: reshapes }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('extra' as const), at, key: hostileKey, value: hostileValue }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, value: fc.constantFrom(deepArrays, deepObjects) }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('text' as const), at: fc.constant([]), body: hostileBodyText }) },
      );
      const texts = pathsIn(body).filter((path) => typeof valueAt(body, path) === 'string');
      const instants = texts.filter((path) => isInstant(valueAt(body, path) as string));
      if (instants.length > 0)
        options.push({
          weight: 2,
          arbitrary: fc.record({
            kind: fc.constant('offset' as const),
            at: fc.constantFrom(...instants),
            offset: fc.constantFrom(...impossibleOffsets, 'Z', '+14:00', '-12:00'),
          }),
        });
      if (texts.length > 0)
        options.push({
          weight: 4,
          arbitrary: fc.record({
            kind: fc.constant('insert' as const),
            at: fc.constantFrom(...texts),
            character: hostileCharacter,
            position: fc.nat({ max: 40 }),
          }),
        });
    }
    const query = Object.keys(op.query);
    if (query.length > 0)
      options.push({
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('query' as const),
          name: fc.constantFrom(...query, 'unknownParam'),
          value: hostileUrlValue,
          twice: fc.boolean(),
        }),
      });
    if (op.pathParams.length > 0)
      options.push({
        weight: 3,
        arbitrary: fc.record({ kind: fc.constant('path' as const), name: fc.constantFrom(...op.pathParams), value: hostileUrlValue }),
      });
    return fc.oneof(...options);
  }

  /**
   * Once per operation, every value the document says is invalid, where a plausible request puts a value: an
   * impossible UTC offset on every date-time, a line break in every one-line text, numbers out of range, not
   * finite, not whole or with too many decimals in every number, a body of another JSON type than the object
   * declared, and in every query parameter a value its schema refuses. Items of a list after the first are
   * like it, and skipped.
   */
  function probes(op: Operation): Change[] {
    const body = plausibleBody(op);
    const found: Change[] = [];
    if (op.body && resolve(doc, op.body).properties) found.push(...notObjectBodies.map((text): Change => ({ kind: 'text', at: [], body: text })));
    const leaves = pathsIn(body).filter((at) => !at.some((key) => typeof key === 'number' && key > 0));
    for (const [index, at] of leaves.entries()) {
      const value = valueAt(body, at);
      if (typeof value === 'number') found.push(...probeNumbers.map((number): Change => ({ kind: 'replace', at, value: number })));
      if (typeof value !== 'string') continue;
      if (isInstant(value)) found.push(...impossibleOffsets.map((offset): Change => ({ kind: 'offset', at, offset })));
      if (schemaAt(op.body, at)?.pattern) found.push({ kind: 'insert', at, character: index % 2 === 0 ? '\n' : '\t', position: 1 });
    }
    for (const [name, raw] of Object.entries(op.query)) {
      const schema = resolve(doc, raw);
      const values =
        schema.type === 'number' || schema.type === 'integer'
          ? probeQueryNumbers
          : schema.format === 'date-time'
            ? impossibleOffsets.map((offset) => `2027-04-01T00:00:00${offset}`)
            : schema.pattern
              ? ['deux\nlignes']
              : [];
      found.push(...values.map((value): Change => ({ kind: 'query', name, value, twice: false })));
    }
    return found;
  }

  /**
   * Why a request must be refused whatever the route does with it (null when it may be accepted): it holds
   * text, nesting or a number no route accepts, `null` where its schema is not nullable, a field its schema
   * does not declare, or the other kind of container than declared.
   */
  function mustBeRefused(op: Operation, change: Change, body: unknown): string | null {
    if (change.kind === 'insert' && alwaysRefusedText(change.character)) return 'text no route accepts';
    if (change.kind === 'offset' && alwaysRefusedText(`2027-01-01T00:00${change.offset}`)) return 'an impossible UTC offset';
    // An extra field lands only in an object; on a text or a number the request is left as it was.
    const lands = change.kind !== 'extra' || isPlainObject(valueAt(body, change.at));
    if ((change.kind === 'replace' || change.kind === 'extra') && lands && alwaysRefused(change.value)) return 'a value no route accepts';
    if ((change.kind === 'query' || change.kind === 'path') && change.value instanceof RawUrl && /%00|%ED%A0%80|%FF|^%$/.test(change.value.text))
      return 'a parameter no route accepts';
    if (change.kind === 'query' && typeof change.value === 'string' && op.query[change.name]) {
      const schema = resolve(doc, op.query[change.name]);
      if (alwaysRefusedText(change.value)) return 'a query value no route accepts';
      const broken = brokenRule(schema, queryValue(schema, change.value));
      if (broken) return `query ${change.name}: ${broken}`;
    }
    if (change.kind === 'text' && op.body && resolve(doc, op.body).properties && change.body.trim() !== '') {
      const parsed = parseOrUndefined(change.body);
      if (!isPlainObject(parsed)) return 'a body that is not the JSON object declared';
    }
    if (!op.body || change.kind === 'caller-only' || !('at' in change) || change.at.length === 0) return null;
    const declared = schemaAt(op.body, change.at);
    if (!declared) return null;
    if (change.kind !== 'extra' && change.kind !== 'delete') {
      const broken = brokenRule(declared, valueAt(applyChange(body, change).body, change.at));
      if (broken) return `${change.at.join('.')}: ${broken}`;
    }
    if (change.kind === 'extra' && lands && declared.properties && !Object.hasOwn(declared.properties, change.key))
      return `${change.key} is not a declared field`;
    const value =
      change.kind === 'reshape'
        ? { null: null, 'empty-list': [], 'empty-object': {}, 'in-a-list': [valueAt(body, change.at)] }[change.into]
        : change.kind === 'replace'
          ? change.value
          : undefined;
    if (value === null && !declared.nullable) return 'null where the schema does not allow it';
    if (Array.isArray(value) && declared.properties) return 'a list where an object is declared';
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && declared.type === 'array') return 'an object where a list is declared';
    return null;
  }

  /** The schema of the property at a path of an operation's body, when the document declares it. */
  function schemaAt(root: Schema | null, path: Path): Schema | null {
    if (!root) return null;
    let schema: Schema | undefined = resolve(doc, root);
    for (const key of path) {
      if (!schema) return null;
      schema = typeof key === 'number' ? schema.items : schema.properties?.[key];
      schema = schema ? resolve(doc, schema) : undefined;
    }
    return schema ?? null;
  }

  /** The value of a path parameter: the fixture the segment before it names (`/entries/{id}` → the entry). */
  function pathValue(op: Operation, name: string): string {
    if (name === 'version') return '1';
    const segments = op.path.split('/');
    return ids[segments[segments.indexOf(`{${name}}`) - 1]] ?? randomUUID();
  }

  function applyChange(body: unknown, change: Change): { body: unknown; text?: string } {
    if (change.kind === 'text') return { body: undefined, text: change.body };
    if (change.kind === 'offset') {
      const instant = (valueAt(body, change.at) as string).replace(/(Z|[+-]\d{2}(:?\d{2})?)$/, '');
      return applyChange(body, { kind: 'replace', at: change.at, value: instant + change.offset });
    }
    if (change.kind === 'reshape') {
      const value = valueAt(body, change.at);
      const into = { null: null, 'empty-list': [], 'empty-object': {}, 'in-a-list': [value], text: 'texte', number: 0 }[change.into];
      return applyChange(body, { kind: 'replace', at: change.at, value: into });
    }
    if (change.kind === 'insert') {
      const text = valueAt(body, change.at) as string;
      const position = change.position % (text.length + 1);
      return applyChange(body, { kind: 'replace', at: change.at, value: text.slice(0, position) + change.character + text.slice(position) });
    }
    if (change.kind !== 'replace' && change.kind !== 'delete' && change.kind !== 'extra') return { body };
    if (change.at.length === 0) {
      if (change.kind === 'replace') return { body: change.value };
      if (change.kind === 'delete') return { body: undefined };
    }
    const copy = structuredClone(body);
    const parentPath = change.kind === 'extra' ? change.at : change.at.slice(0, -1);
    let parent: any = copy;
    for (const key of parentPath) parent = parent?.[key];
    if (parent === null || typeof parent !== 'object') return { body: copy };
    const key = change.kind === 'extra' ? change.key : change.at[change.at.length - 1];
    if (change.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else Object.defineProperty(parent, key, { value: change.value, enumerable: true, writable: true, configurable: true });
    return { body: copy };
  }

  /** Sends one request and checks its answer; returns its status. */
  async function send(op: Operation, caller: Caller, change: Change): Promise<number> {
    const params = Object.fromEntries(op.pathParams.map((name) => [name, encodeURIComponent(pathValue(op, name))]));
    let query = '';
    if (change.kind === 'path') params[change.name] = urlValue(change.value);
    if (change.kind === 'query') {
      const pair = `${encodeURIComponent(change.name)}=${urlValue(change.value)}`;
      query = `?${change.twice ? `${pair}&${pair}` : pair}`;
    }
    const url = op.path.replace(/\{(\w+)\}/g, (_, name) => params[name]) + query;
    const { body, text } = applyChange(plausibleBody(op), change);
    const payload = text ?? (body === undefined ? undefined : writeJson(body));
    const headers: Record<string, string> = {};
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (tokens[caller] !== null) headers.authorization = `Bearer ${tokens[caller]}`;
    // A signed operation gets a genuine signature of what is sent: signed does not mean well-formed.
    if (op.headers.includes('stripe-signature') && payload !== undefined)
      headers['stripe-signature'] = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });

    const response = await fetch(platform.client.baseUrl + url, { method: op.method, headers, body: payload });
    const raw = await response.text();
    figures.calls++;
    figures.byStatus[response.status] = (figures.byStatus[response.status] ?? 0) + 1;
    const what = `${op.method} ${url.slice(0, 120)} as ${caller}, ${describeChange(change)} → ${response.status} ${raw.slice(0, 200)}`;
    if (response.status >= 500) {
      if (response.status === 503 && /not configured/.test(raw)) figures.unconfigured++;
      else figures.serverErrors.push(what);
    }
    const refusable = mustBeRefused(op, change, plausibleBody(op));
    if (refusable && response.status < 400) figures.acceptedBadInput.push(`${what}: ${refusable}`);
    if (response.status >= 400 && !isErrorShape(raw, response.status, response.headers.get('content-type'))) figures.shapeViolations.push(what);
    // The API writes nothing once it has answered (no worker runs here), so the state after the last request is this one's before.
    const before = state;
    state = await stateChecksum(platform.dataSource);
    if (response.status >= 400) {
      const changed = changedTables(before, state);
      if (changed.length > 0) figures.stateChanges.push(`${what} changed ${changed.join(', ')}`);
    }
    return response.status;
  }

  it('answers every broken request to every operation below 500, with the error shape, changing nothing', async () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(40);
    for (const [index, op] of operations.entries()) {
      // The callers the plausible request gets past authentication with are tried most, the others too.
      const admitted: Caller[] = [];
      for (const caller of callers) if (![401, 403].includes(await send(op, caller, { kind: 'caller-only' }))) admitted.push(caller);
      // Then, once each, the broken kinds at every path of the body: the corners random runs reach too rarely.
      const body = plausibleBody(op);
      if (body !== undefined && op.body)
        for (const at of pathsIn(body).slice(1)) {
          const value = valueAt(body, at);
          const corners: Change[] = [{ kind: 'reshape', at, into: 'null' }];
          if (value !== null && typeof value === 'object') corners.push({ kind: 'reshape', at, into: 'in-a-list' }, { kind: 'delete', at });
          for (const corner of corners) await send(op, admitted[0] ?? 'jury', corner);
        }
      for (const probe of probes(op)) await send(op, admitted[0] ?? 'jury', probe);
      const caller = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...(admitted.length > 0 ? admitted : callers)) },
        { weight: 1, arbitrary: fc.constantFrom(...callers) },
      );
      await fc.assert(
        fc.asyncProperty(caller, changes(op), async (caller, change) => {
          await send(op, caller, change);
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
    }
    expect({
      serverErrors: figures.serverErrors,
      shapeViolations: figures.shapeViolations,
      stateChanges: figures.stateChanges,
      acceptedBadInput: figures.acceptedBadInput,
    }).toEqual({ serverErrors: [], shapeViolations: [], stateChanges: [], acceptedBadInput: [] });
  }, 600_000);
});

const isPlainObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A text that looks like an ISO-8601 date-time, whatever the document says of its field. */
const isInstant = (text: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text);

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<any>((node, key) => node?.[key], value);
}

function isErrorShape(raw: string, status: number, type: string | null): boolean {
  if (!type?.includes('json')) return false;
  try {
    const body = JSON.parse(raw);
    const keys = Object.keys(body).sort();
    const expected = ['error', 'message', 'statusCode'];
    const allowed = keys.join() === expected.join() || keys.join() === ['code', ...expected].join();
    return allowed && body.statusCode === status && typeof body.error === 'string' && typeof body.message === 'string' && body.message.length > 0;
  } catch {
    return false;
  }
}

function describeChange(change: Change): string {
  switch (change.kind) {
    case 'replace':
      return `${change.at.join('.') || 'the body'} = ${preview(change.value)}`;
    case 'delete':
      return `without ${change.at.join('.') || 'a body'}`;
    case 'extra':
      return `extra ${JSON.stringify(change.key)} = ${preview(change.value)} at ${change.at.join('.') || 'the top'}`;
    case 'text':
      return `body text ${JSON.stringify(change.body)}`;
    case 'offset':
      return `${change.at.join('.')} at UTC${change.offset}`;
    case 'reshape':
      return `${change.at.join('.') || 'the body'} made ${change.into}`;
    case 'insert':
      return `${JSON.stringify(change.character)} slipped into ${change.at.join('.')}`;
    case 'query':
      return `query ${change.name}=${preview(change.value)}${change.twice ? ' twice' : ''}`;
    case 'path':
      return `path ${change.name}=${preview(change.value)}`;
    default:
      return 'the plausible request';
  }
}

function preview(value: unknown): string {
  const text = value instanceof RawUrl ? value.text : writeJson(value);
  return (text ?? 'undefined').slice(0, 60);
}
