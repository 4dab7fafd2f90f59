/** The API's error shape (`code` once every route carries one). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

const isErrorBody = (value: unknown): value is ApiErrorBody =>
  typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).message === 'string';

/** An openapi-fetch answer as its data, or an ApiError carrying the API's message (a bare body when it sent none). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = isErrorBody(error) ? error : { statusCode: response.status, error: response.statusText, message: response.statusText };
  throw new ApiError(response.status, body);
}
