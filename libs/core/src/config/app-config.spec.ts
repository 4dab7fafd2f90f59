import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('runs on a developer machine with no variables at all, pointing at local services', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/palmares',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SMTP_URL: 'smtp://127.0.0.1:1025',
      PORT: 3000,
      QUEUE_PREFIX: 'palmares',
    });
  });

  it('reads and converts what is set', () => {
    expect(loadConfig({ PORT: '8080', MIGRATIONS_RUN: 'true' })).toMatchObject({ PORT: 8080, MIGRATIONS_RUN: true });
  });

  it.each([
    ['PORT', 'eighty', /PORT must be an integer/],
    ['DATABASE_URL', 'mysql://localhost/x', /DATABASE_URL must be a postgres:\/\/ URL/],
    ['SMTP_URL', 'localhost:25', /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    ['JWT_SECRET', 'short', /JWT_SECRET must be at least 32 characters/],
    ['QUEUE_PREFIX', 'a b', /QUEUE_PREFIX may hold/],
    ['STRIPE_SECRET_KEY', 'pk_test_123', /STRIPE_SECRET_KEY must look like sk_test_/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
  ])('refuses a wrong %s, naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('requires the secrets and service addresses in production, naming each one missing', () => {
    const run = () => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/palmares' });
    expect(run).toThrow(/JWT_SECRET: is required when NODE_ENV=production/);
    expect(run).toThrow(/REDIS_URL: is required/);
    expect(run).not.toThrow(/DATABASE_URL/);
  });
});
