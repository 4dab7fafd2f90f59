/** Just enough of an OpenAPI 3 document to walk every operation and build a request from its schemas. */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The path as the document writes it: `/api/editions/{id}`. */
  path: string;
  pathParams: string[];
  query: Record<string, Schema>;
  headers: string[];
  body: Schema | null;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const parameters = op.parameters ?? [];
      return {
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}])),
        headers: parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      };
    }),
  );
}

/** The schema a `$ref` or an `allOf` of one names, with the outer example kept. */
export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, { ...doc.components!.schemas![schema.$ref.split('/').pop()!], ...(schema.example ? { example: schema.example } : {}) });
  if (schema.allOf?.length === 1) return resolve(doc, { ...schema.allOf[0], ...(schema.example ? { example: schema.example } : {}) });
  return schema;
}

/**
 * A plausible value for a schema, from its example when it has one, else from its type; `hint` gives a value
 * for a property by its name (ids of the fixtures, unique e-mails…), so that a request goes past the first check.
 */
export function plausible(doc: OpenApiDocument, raw: Schema, hint: (name: string) => unknown, name = ''): unknown {
  const hinted = name ? hint(name) : undefined;
  if (hinted !== undefined) return hinted;
  const schema = resolve(doc, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.items ? [plausible(doc, schema.items, hint)] : [];
    case 'string':
      return schema.format === 'date-time' ? new Date().toISOString() : 'Texte de test 42';
    default:
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, plausible(doc, property, hint, key)]));
  }
}

/**
 * The rule of its schema that a value breaks, or null: a number that is not whole where an integer is declared,
 * outside `minimum`..`maximum` or not a multiple of `multipleOf`; text that does not match `pattern`. Only what
 * the document states: a value of another type is left to the validators' own messages.
 */
export function brokenRule(schema: Schema, value: unknown): string | null {
  if (typeof value === 'number' && (schema.type === 'number' || schema.type === 'integer')) {
    if (!Number.isFinite(value)) return 'a number that is not finite';
    if (schema.type === 'integer' && !Number.isInteger(value)) return 'not a whole number where an integer is declared';
    if (schema.minimum !== undefined && value < schema.minimum) return `below the declared minimum ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `above the declared maximum ${schema.maximum}`;
    if (schema.multipleOf !== undefined && !isMultiple(value, schema.multipleOf)) return `not a multiple of the declared ${schema.multipleOf}`;
  }
  if (typeof value === 'string' && schema.type === 'string' && schema.pattern && !new RegExp(schema.pattern, 'u').test(value))
    return `text that does not match the declared pattern ${schema.pattern}`;
  return null;
}

/** Exact for the powers of ten the document uses (0.01: at most 2 decimals), where `value % 0.01` is not. */
function isMultiple(value: number, multipleOf: number): boolean {
  const places = Math.round(-Math.log10(multipleOf));
  if (places > 0 && 10 ** -places === multipleOf) return Number(value.toFixed(places)) === value;
  return Number.isInteger(value / multipleOf);
}

/** A query parameter's text as the API reads a number (`Number`), or the text itself; empty text is no value. */
export function queryValue(schema: Schema, text: string): unknown {
  if (schema.type !== 'number' && schema.type !== 'integer') return text;
  return text.trim() === '' ? undefined : Number(text);
}
