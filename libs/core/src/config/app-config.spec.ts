import { clusterNodes } from '../redis/redis-client';
import { ConfigError, loadConfig, STANDIN_WEBHOOK_SECRET, trustedProxies } from './app-config';

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
    ['PAYMENT_PROVIDER', 'paypal', /PAYMENT_PROVIDER must be stripe or standin/],
    ['TRUSTED_PROXIES', '10.0.0.1,proxy.example', /TRUSTED_PROXIES must be IP addresses or CIDR blocks/],
    ['TRUSTED_PROXIES', '10.0.0.0/33', /TRUSTED_PROXIES must be IP addresses or CIDR blocks/],
    ['REDIS_CLUSTER_NODES', '127.0.0.1', /REDIS_CLUSTER_NODES must be host:port items/],
    ['REDIS_CLUSTER_NODES', '127.0.0.1:7301, 127.0.0.1:7302', /REDIS_CLUSTER_NODES must be host:port items/],
    ['DATABASE_POOL_SIZE', '0', /DATABASE_POOL_SIZE must not be less than 1/],
    ['DATABASE_REPLICA_URL', 'replica.example:5432', /DATABASE_REPLICA_URL must be a postgres:\/\/ URL, or empty/],
    ['WORKER_NICE', '20', /WORKER_NICE must not be greater than 19/],
    ['EMAIL_ROUTE_LIMIT_PER_HOUR', 'many', /EMAIL_ROUTE_LIMIT_PER_HOUR must be an integer/],
  ])('refuses a wrong %s, naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('trusts no proxy by default, and the addresses, blocks and named ranges it is given', () => {
    expect(trustedProxies(loadConfig({}))).toEqual([]);
    expect(trustedProxies(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.5, 192.168.0.0/16,::1,fd00::/8,loopback ' }))).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('requires the secrets and service addresses in production, naming each one missing', () => {
    const run = () => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/palmares' });
    expect(run).toThrow(/JWT_SECRET: is required when NODE_ENV=production/);
    expect(run).toThrow(/REDIS_URL: is required/);
    expect(run).not.toThrow(/DATABASE_URL/);
  });

  it('takes a Redis Cluster’s nodes in place of REDIS_URL, also in production', () => {
    expect(clusterNodes(loadConfig({}))).toBeNull();
    expect(clusterNodes(loadConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7301,redis-2.internal:6379' }))).toEqual([
      { host: '127.0.0.1', port: 7301 },
      { host: 'redis-2.internal', port: 6379 },
    ]);
    const run = () => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/palmares', REDIS_CLUSTER_NODES: '10.0.0.1:6379' });
    expect(run).not.toThrow(/REDIS_URL/);
  });

  describe('payment provider', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/palmares',
      REDIS_URL: 'redis://redis',
      SMTP_URL: 'smtp://mail',
      PUBLIC_URL: 'https://palmares.example',
      JWT_SECRET: 'x'.repeat(40),
      MAIL_FROM: 'Palmares <no-reply@palmares.example>',
    };

    it('is the stand-in outside production without a Stripe key, with a local webhook secret', () => {
      expect(loadConfig({})).toMatchObject({ PAYMENT_PROVIDER: 'standin', STRIPE_WEBHOOK_SECRET: STANDIN_WEBHOOK_SECRET });
      expect(loadConfig({ STRIPE_WEBHOOK_SECRET: 'whsec_mine' }).STRIPE_WEBHOOK_SECRET).toBe('whsec_mine');
    });

    it('is Stripe in production or with a Stripe key', () => {
      expect(loadConfig(production).PAYMENT_PROVIDER).toBe('stripe');
      expect(loadConfig(production).STRIPE_WEBHOOK_SECRET).toBeUndefined();
      expect(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_abc' }).PAYMENT_PROVIDER).toBe('stripe');
    });

    it('is never the stand-in in production', () => {
      expect(() => loadConfig({ ...production, PAYMENT_PROVIDER: 'standin' })).toThrow(/PAYMENT_PROVIDER: standin takes no real payment/);
    });
  });
});
