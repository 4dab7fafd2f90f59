import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { documentDeclaredShapes } from '@app/core';
import { ErrorResponse, VALIDATION_ERROR_MEANING } from './http/api-errors';
import { UNPREFIXED_ROUTES } from './pages/page-routes';

/** Every route under `/api`, but the health check and the pages rendered on the server. */
export function setRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: UNPREFIXED_ROUTES });
}

/**
 * The API's OpenAPI document, as `/docs-json` serves it and `npm run openapi` writes it to `openapi.json`
 * (the portal's client is generated from that file).
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Palmares API')
      .setDescription('Registration, payments, mystery shoppers, rankings and publication of a customer-service award.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorResponse] },
  );
  documentDeclaredShapes(document);
  documentValidationErrors(document);
  return document;
}

/** Every route that takes input (path, query or body) answers 400 when the validation layer refuses it. */
function documentValidationErrors(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.post, path.put, path.patch, path.delete]) {
      if (!operation || !(operation.parameters?.length || operation.requestBody) || operation.responses['400']) continue;
      operation.responses['400'] = {
        description: VALIDATION_ERROR_MEANING,
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } } },
      };
    }
  }
}
