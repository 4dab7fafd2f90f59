import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '@app/core';

/** Every error answer: `{ statusCode, error, message, code }` (docs/errors.md lists the codes). */
export class ErrorResponse {
  @ApiProperty({ type: 'integer', example: 409 }) statusCode: number;
  @ApiProperty({ example: 'Conflict', description: 'The HTTP reason phrase of statusCode' }) error: string;
  @ApiProperty({ example: 'registration for edition 2027 closed at 2027-03-31 23:59 (Europe/Paris)', description: 'The sentence that names the rule broken' })
  message: string;
  @ApiProperty({ enum: Object.keys(ERROR_CODES), enumName: 'ErrorCode', description: 'Stable, for programs to branch on' }) code: ErrorCode;
}

const MEANING: Record<number, string> = {
  400: 'The input breaks a rule (the message names it)',
  401: 'No valid access token (or credentials)',
  403: 'Signed in, but not allowed to do this',
  404: 'Does not exist, or is not visible to the caller',
  409: 'The current state forbids it (the message names the rule)',
  410: 'The link has expired',
  429: 'Too many attempts: try again later',
  502: 'The payment provider did not answer as expected',
  503: 'A service the platform needs is not available',
};
export type ErrorStatus = keyof typeof MEANING;

/** Documents the error answers a route can give, each with the common error shape. */
export const ApiErrors = (...statuses: ErrorStatus[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: MEANING[status], type: ErrorResponse })));

/** What a 400 means, for the routes whose input the validation layer checks (added to each by `openApiDocument`). */
export const VALIDATION_ERROR_MEANING = MEANING[400];
