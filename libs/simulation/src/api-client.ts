export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface ServerError {
  method: string;
  url: string;
  status: number;
  body: unknown;
}

/**
 * A real HTTP client of the Palmares API (fetch); `ip` is sent as X-Forwarded-For (which the API believes
 * only from a peer in TRUSTED_PROXIES). Every 5xx answer is kept in `serverErrors`, so a caller can prove no client ever saw one.
 */
export class ApiClient {
  readonly serverErrors: ServerError[] = [];

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string>; ip?: string; rawBody?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.ip) headers['x-forwarded-for'] = options.ip;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const response = await fetch(this.baseUrl + url, { method, headers, body });
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await response.json() : type.includes('pdf') ? Buffer.from(await response.arrayBuffer()) : await response.text();
    if (response.status >= 500) this.serverErrors.push({ method, url, status: response.status, body: parsed });
    return { status: response.status, body: parsed as T, headers: Object.fromEntries(response.headers) };
  }

  get<T = any>(url: string, token?: string) {
    return this.request<T>('GET', url, { token });
  }

  post<T = any>(url: string, body?: unknown, token?: string) {
    return this.request<T>('POST', url, { body: body ?? {}, token });
  }

  patch<T = any>(url: string, body: unknown, token?: string) {
    return this.request<T>('PATCH', url, { body, token });
  }

  /** The body of a 2xx answer, or an error naming the call, its status and the API's message. */
  async expectOk<T = any>(method: 'GET' | 'POST' | 'PATCH', url: string, options: { body?: unknown; token?: string } = {}): Promise<T> {
    const response = await this.request<T>(method, url, { body: method === 'GET' ? undefined : (options.body ?? {}), token: options.token });
    if (response.status < 200 || response.status > 299) {
      const message = (response.body as { message?: unknown } | null)?.message ?? response.body;
      throw new Error(`${method} ${url} answered ${response.status}: ${typeof message === 'string' ? message : JSON.stringify(message)}`);
    }
    return response.body;
  }
}
