import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { FREE_TEXT, MAX_STORED_INT, ONE_LINE_PATTERN } from './declared-shape';

/** What this reads of a validation rule. */
interface ValidationMetadata {
  propertyName: string;
  name?: string;
  constraints: unknown[];
}

/** class-validator keeps every DTO's rules by class, but exposes the classes only to itself. */
const rulesByClass = () =>
  (getMetadataStorage() as unknown as { validationMetadatas: Map<abstract new (...args: never[]) => unknown, ValidationMetadata[]> }).validationMetadatas;

/**
 * Writes into the OpenAPI document what the input layer enforces on every DTO property, so that a client
 * or the fuzz suite can tell a valid value from one that is refused without reading the code: one-line
 * text (`pattern`, unless it is `@FreeText()` or has its own pattern or list of values), whole numbers
 * (`integer`, `int32`), numbers within what can be stored (`minimum`, `maximum`), at most N decimals
 * (`multipleOf`, from `@IsDecimal`).
 */
export function documentDeclaredShapes(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const [type, rules] of rulesByClass()) {
    const schema = schemas[type.name] as SchemaObject | undefined;
    if (!schema?.properties) continue;
    for (const [name, property] of Object.entries(schema.properties) as [string, SchemaObject][]) {
      const own = rules.filter((rule) => rule.propertyName === name);
      const leaf = property.type === 'array' && property.items ? (property.items as SchemaObject) : property;
      documentRules(leaf, own);
    }
  }
}

function documentRules(schema: SchemaObject, rules: ValidationMetadata[]): void {
  const named = (name: string) => rules.find((rule) => rule.name === name);
  if (schema.type === 'string' && !schema.pattern && !schema.enum && !named(FREE_TEXT)) schema.pattern = ONE_LINE_PATTERN;
  if (schema.type !== 'number' && schema.type !== 'integer') return;
  if (named('isInt')) Object.assign(schema, { type: 'integer', format: 'int32' });
  const decimal = named('isDecimal');
  if (decimal) schema.multipleOf = 10 ** -Number(decimal.constraints[0]);
  schema.minimum ??= -MAX_STORED_INT;
  schema.maximum ??= MAX_STORED_INT;
}
