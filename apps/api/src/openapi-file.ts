import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { readFileSync, writeFileSync } from 'node:fs';
import { AppModule } from './app.module';
import { openApiDocument, setRoutePrefix } from './openapi';

/** The committed OpenAPI document, at the repository's root. */
export const OPENAPI_FILE = 'openapi.json';

/**
 * The document as the code states it, pretty-printed with every object's keys sorted (a stable file to diff),
 * built from a preview of the API: modules and routes, no provider made, so no Postgres, Redis or port.
 */
export async function openApiText(): Promise<string> {
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  setRoutePrefix(app);
  const document = openApiDocument(app);
  await app.close();
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** `npm run openapi` writes the file; `npm run openapi:check` fails when the committed file differs from the code. */
export async function writeOpenApiFile(check: boolean): Promise<void> {
  const text = await openApiText();
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(OPENAPI_FILE, 'utf8');
    } catch {
      // no file yet: a difference like any other
    }
    if (committed !== text) {
      console.error(`${OPENAPI_FILE} differs from what the code produces: run \`npm run openapi\` and commit the file.`);
      process.exit(1);
    }
    process.stdout.write(`${OPENAPI_FILE} matches the code.\n`);
    return;
  }
  writeFileSync(OPENAPI_FILE, text);
  process.stdout.write(`Wrote ${OPENAPI_FILE}.\n`);
}
