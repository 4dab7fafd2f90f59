import { ApiOkResponse } from '@nestjs/swagger';

/** Documents a route that answers a PDF document (its errors stay JSON). */
export const ApiPdfResponse = () =>
  ApiOkResponse({ description: 'The PDF document', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } });
