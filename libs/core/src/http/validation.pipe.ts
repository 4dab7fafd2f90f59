import { ValidationError, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { InvalidError } from '../errors/domain-error';
import type { ValidatorOptions } from 'class-validator';
import { declaredShapeErrors } from './declared-shape';

/**
 * Whitelist, forbid unknown fields, transform; values must be of their declared kind before the validators run
 * (see {@link declaredShapeErrors}); the message lists every rule broken, by field path.
 */
export function createValidationPipe(): ValidationPipe {
  return new DeclaredShapeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new InvalidError(flatten(errors).join('; ')),
  });
}

class DeclaredShapeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const declared = metadata.type === 'body' && typeof metadata.metatype === 'function' && this.toValidate(metadata);
    if (declared && value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value)))
      throw new InvalidError('the request body must be a JSON object');
    return super.transform(value, metadata);
  }

  protected override validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> | ValidationError[] {
    const shapeErrors = declaredShapeErrors(object);
    return shapeErrors.length > 0 ? shapeErrors : super.validate(object, options);
  }
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => (message.startsWith(error.property) && parent ? `${parent}.${message}` : message));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
