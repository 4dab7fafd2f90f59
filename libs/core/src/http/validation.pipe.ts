import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** Whitelist, forbid unknown fields, transform; the message lists every rule broken, by field path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new BadRequestException(flatten(errors).join('; ')),
  });
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => (message.startsWith(error.property) && parent ? `${parent}.${message}` : message));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
