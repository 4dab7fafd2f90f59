import { AccountsService } from '@app/accounts';
import { TestPlatform } from './support/platform';
import { PASSWORD, signupBody, uniqueEmail } from './support/fixtures';

describe('operations: health, OpenAPI, request ids, headers, queue dashboard', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await TestPlatform.start({ worker: false });
  });
  afterAll(async () => {
    await platform.close();
  });

  const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

  it('answers /health with the state of Postgres and Redis', async () => {
    const response = await platform.client.get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('serves the OpenAPI document with the accounts routes', async () => {
    const response = await platform.client.get('/docs-json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/auth/signup', '/api/auth/login', '/api/me']));
    expect((await platform.client.get('/docs')).status).toBe(200);
  });

  it('echoes the caller’s request id, makes one otherwise, and sets security headers', async () => {
    const given = await platform.client.request('GET', '/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await platform.client.get('/health');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.headers['x-content-type-options']).toBe('nosniff');
    expect(made.headers['strict-transport-security']).toBeDefined();
  });

  it('answers an unknown route and malformed JSON with the common error shape', async () => {
    const unknown = await platform.client.get('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String), code: 'NOT_FOUND' });
    const malformed = await fetch(`${platform.client.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.any(String), code: 'VALIDATION_FAILED' });
  });

  it('shows the queue dashboard to jury credentials only', async () => {
    const juryEmail = uniqueEmail('jury');
    await platform.api.get(AccountsService).createJuryUser({ email: juryEmail, password: PASSWORD });
    const company = signupBody();
    expect((await platform.client.post('/api/auth/signup', company)).status).toBe(201);
    expect((await platform.client.get('/queues')).status).toBe(401);
    expect((await platform.client.request('GET', '/queues', { headers: { authorization: basic(company.email, PASSWORD) } })).status).toBe(401);
    expect((await platform.client.request('GET', '/queues', { headers: { authorization: basic(juryEmail, 'wrong-password-1') } })).status).toBe(401);
    const jury = await platform.client.request('GET', '/queues', { headers: { authorization: basic(juryEmail, PASSWORD) } });
    expect(jury.status).toBe(200);
    expect(String(jury.body)).toContain('<html');
    const api = await platform.client.request('GET', '/queues/api/queues', { headers: { authorization: basic(juryEmail, PASSWORD) } });
    expect(api.status).toBe(200);
    expect(JSON.stringify(api.body)).toContain('notifications');
  });
});
