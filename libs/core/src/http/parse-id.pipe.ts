import { NotFoundException, ParseUUIDPipe } from '@nestjs/common';

/** A path id that is not even a UUID names nothing: 404, like an id that does not exist. */
export const parseId = (resource: string) => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(`${resource} does not exist`) });
