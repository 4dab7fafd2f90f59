import { DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage, ValidateBy, ValidationTypes, type ValidationError } from 'class-validator';

/** Every whole number the platform stores is a Postgres `int`. */
export const MAX_STORED_INT = 2_147_483_647;

/** The name of the `@FreeText()` mark among a property's validation rules. */
export const FREE_TEXT = 'isFreeText';

/**
 * Text a person writes freely (a comment, a reason, an address, a password): it may hold tabs and line
 * breaks, which every other text property refuses (names, codes, references, e-mails are one line). A
 * validation mark that always passes, so that the DTOs made with PickType and friends inherit it.
 */
export const FreeText = (): PropertyDecorator => ValidateBy({ name: FREE_TEXT, validator: { validate: () => true } });

const LINE_BREAK_OR_TAB = /[\t\r\n]/;
/** One-line text as the OpenAPI document writes it (see `documentDeclaredShapes`). */
export const ONE_LINE_PATTERN = '^[^\\t\\r\\n]*$';

interface PropertyShape {
  name: string;
  optional: boolean;
  nullable: boolean;
  freeText: boolean;
  /** A nested DTO (`@ValidateNested`): one object, or with `each` a list of them. */
  nested: 'one' | 'each' | null;
  designType: unknown;
}

type DtoClass = abstract new (...args: never[]) => unknown;

const shapes = new Map<DtoClass, PropertyShape[]>();

/**
 * What a DTO's properties are declared to be, read from the decorators every DTO already carries: optional
 * (`@IsOptional`, `@ValidateIf`), nullable (the OpenAPI `nullable`), nested (`@ValidateNested`), and the
 * TypeScript type (`design:type`).
 */
function shapeOf(type: DtoClass): PropertyShape[] {
  let shape = shapes.get(type);
  if (shape) return shape;
  const metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
  const names = [...new Set(metadata.map((m) => m.propertyName))];
  shape = names.map((name) => {
    const own = metadata.filter((m) => m.propertyName === name);
    const nested = own.find((m) => m.type === ValidationTypes.NESTED_VALIDATION);
    const documented = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, type.prototype, name) as { nullable?: boolean } | undefined;
    return {
      name,
      optional: own.some((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION),
      nullable: documented?.nullable === true,
      freeText: own.some((m) => m.name === FREE_TEXT),
      nested: nested ? (nested.each ? 'each' : 'one') : null,
      designType: Reflect.getMetadata('design:type', type.prototype, name),
    };
  });
  shapes.set(type, shape);
  return shape;
}

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The errors of a transformed DTO whose values are not of their declared kind, which the validators let
 * through: a required nested object missing, `null` where the contract does not allow it, a list where an
 * object is declared (or the reverse, or a list of lists), a number beyond what can be stored, a line break
 * in a text that is one line.
 */
export function declaredShapeErrors(instance: object, path = ''): ValidationError[] {
  return shapeOf(instance.constructor as DtoClass).flatMap((property) => {
    const field = path ? `${path}.${property.name}` : property.name;
    const value = (instance as Record<string, unknown>)[property.name];
    const failAt = (at: string, message: string): ValidationError[] => [{ property: at, constraints: { declaredShape: `${at} ${message}` }, children: [] }];
    const fail = (message: string) => failAt(field, message);
    if (value === undefined) return property.optional || !property.nested ? [] : fail('is required');
    if (value === null) return property.nullable ? [] : fail('must not be null');
    if (!property.freeText && [value].flat().some((text) => typeof text === 'string' && LINE_BREAK_OR_TAB.test(text)))
      return fail('must be one line of text, without tab or line break');
    if (property.nested === 'one') return isObject(value) ? declaredShapeErrors(value, field) : fail('must be an object');
    if (property.nested === 'each' || property.designType === Array) {
      if (!Array.isArray(value)) return fail('must be a list');
      if (property.nested !== 'each') return [];
      return value.flatMap((item: unknown, index) =>
        isObject(item) ? declaredShapeErrors(item, `${field}.${index}`) : failAt(`${field}.${index}`, `must be an object, not ${describe(item)}`),
      );
    }
    if (typeof value === 'number' && (!Number.isFinite(value) || Math.abs(value) > MAX_STORED_INT))
      return fail(`must be a number from -${MAX_STORED_INT} to ${MAX_STORED_INT}`);
    return [];
  });
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : `a ${typeof value}`;
}
