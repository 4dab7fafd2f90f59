import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '@app/core';
import { OPENAPI_FILE, sortKeys } from '../apps/api/src/openapi-file';
import { TestPlatform } from './support/platform';

interface Operation {
  parameters?: unknown[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/**
 * The contract clients are generated from: every operation states its success answer with a schema and its
 * error answers with the common error shape; the committed `openapi.json` is what the code serves; every
 * error code is documented.
 */
describe('the OpenAPI contract', () => {
  let platform: TestPlatform;
  let document: { paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    platform = await TestPlatform.start({ worker: false });
    document = (await platform.client.get('/docs-json')).body;
  });
  afterAll(async () => {
    await platform.close();
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );

  it('gives every operation a 2xx answer with a schema (JSON, or the PDF bytes), or says it has no body (202, 204)', () => {
    const described = ([status, answer]: [string, Operation['responses'][string]]) =>
      status.startsWith('2') && (Object.values(answer.content ?? {}).some((media) => media.schema) || (['202', '204'].includes(status) && !answer.content));
    const withoutSchema = operations()
      .filter(({ op }) => !Object.entries(op.responses).some(described))
      .map(({ route }) => route);
    expect(withoutSchema).toEqual([]);
  });

  it('documents every error answer with the common error shape', () => {
    const errorSchema = { $ref: '#/components/schemas/ErrorResponse' };
    const wrong = operations().flatMap(({ route, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => /^[45]/.test(status))
        .filter(([, answer]) => JSON.stringify(answer.content?.['application/json']?.schema) !== JSON.stringify(errorSchema))
        .map(([status]) => `${route} ${status}`),
    );
    expect(wrong).toEqual([]);
    // an operation that takes nothing and needs no token (logout) may have no error to give
    const takesSomething = (op: Operation) => Boolean(op.parameters?.length || op.requestBody || op.security?.length);
    const withoutErrors = operations().filter(({ op }) => takesSomething(op) && !Object.keys(op.responses).some((status) => /^[45]/.test(status)));
    expect(withoutErrors.map(({ route }) => route)).toEqual([]);
  });

  it('is committed as openapi.json, exactly as the code serves it (run `npm run openapi` after a change)', () => {
    expect(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'))).toEqual(sortKeys(document));
  });

  it('lists every error code in docs/errors.md', () => {
    const documented = [...readFileSync('docs/errors.md', 'utf8').matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });
});
