import { RequestMethod } from '@nestjs/common';

/** Routes served outside the `/api` prefix: the health check and the pages rendered on the server. */
export const UNPREFIXED_ROUTES: { path: string; method: RequestMethod }[] = [
  { path: 'health', method: RequestMethod.ALL },
  { path: 'checkout/standin/:sessionId', method: RequestMethod.GET },
  { path: 'checkout/standin/:sessionId/pay', method: RequestMethod.POST },
  { path: 'winners', method: RequestMethod.GET },
  { path: 'winners/:year', method: RequestMethod.GET },
  { path: 'winners/:year/:version', method: RequestMethod.GET },
  { path: 'verify/:code', method: RequestMethod.GET },
  { path: 'methodology', method: RequestMethod.GET },
];
