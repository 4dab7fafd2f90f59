import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync, ValidateBy } from 'class-validator';

/**
 * Every setting the platform reads from the environment, with defaults that point at local services
 * so a developer machine runs with no `.env`. Validated once at start-up: a wrong value stops the process.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/palmares';

  /**
   * A read replica of DATABASE_URL (streaming replication) for the reads of published, immutable results: the public
   * pages, the verification of a title, an entrant's report. Empty: those reads go to DATABASE_URL too.
   */
  @Matches(/^(postgres(ql)?:\/\/.+)?$/, { message: 'DATABASE_REPLICA_URL must be a postgres:// URL, or empty' })
  DATABASE_REPLICA_URL = '';

  /** How long opening a database connection (or waiting for a free one in the pool) may take before the request answers 503. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'DATABASE_CONNECT_TIMEOUT_MS must be an integer' })
  @Min(100)
  DATABASE_CONNECT_TIMEOUT_MS = 3000;

  /** How long one SQL statement may run; Postgres cancels it after that (and the client gives up a second later). */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'DATABASE_STATEMENT_TIMEOUT_MS must be an integer' })
  @Min(100)
  DATABASE_STATEMENT_TIMEOUT_MS = 15000;

  /** Connections of this process's database pool; every API and worker has its own, so their sum must stay under Postgres's max_connections. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'DATABASE_POOL_SIZE must be an integer' })
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE = 20;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /**
   * A Redis Cluster instead of one Redis: some of its nodes as `host:port` separated by commas (the client finds
   * the others). When set, REDIS_URL is not used.
   */
  @Matches(/^([^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*)?$/, {
    message: 'REDIS_CLUSTER_NODES must be host:port items separated by commas, e.g. 10.0.0.1:6379,10.0.0.2:6379',
  })
  REDIS_CLUSTER_NODES = '';

  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'PORT must be an integer' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'PUBLIC_URL must be an absolute URL' })
  PUBLIC_URL = 'http://localhost:3000';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = 'dev-only-secret-change-me-in-production-0123456789';

  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'JWT_TTL_SECONDS must be an integer' })
  @Min(60)
  JWT_TTL_SECONDS = 3600;

  @Matches(/^[a-zA-Z0-9_-]+$/, { message: 'QUEUE_PREFIX may hold letters, digits, _ and - only' })
  QUEUE_PREFIX = 'palmares';

  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'QUEUE_BACKOFF_MS must be an integer' })
  @Min(1)
  QUEUE_BACKOFF_MS = 2000;

  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Palmares <no-reply@palmares.local>';

  @IsOptional()
  @Matches(/^sk_(test|live)_\w+$/, { message: 'STRIPE_SECRET_KEY must look like sk_test_… or sk_live_…' })
  STRIPE_SECRET_KEY?: string;

  @IsOptional()
  @Matches(/^whsec_\w+$/, { message: 'STRIPE_WEBHOOK_SECRET must look like whsec_…' })
  STRIPE_WEBHOOK_SECRET?: string;

  /**
   * Who takes card payments: Stripe's hosted checkout, or `standin`, a local page that imitates it and sends
   * the same signed webhook. Default: `stripe` in production or when STRIPE_SECRET_KEY is set, else `standin`.
   */
  @IsOptional()
  @IsIn(['stripe', 'standin'], { message: 'PAYMENT_PROVIDER must be stripe or standin' })
  PAYMENT_PROVIDER?: 'stripe' | 'standin';

  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  MIGRATIONS_RUN = false;

  /** The built portal the API serves at `/` (nothing is served when it is not built). */
  @IsString()
  WEB_DIST_DIR = 'apps/web/dist';

  /** How long an API process reuses a rendered public page (winners, title verification) before rendering it again. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'PUBLIC_PAGES_TTL_MS must be an integer' })
  @Min(0)
  PUBLIC_PAGES_TTL_MS = 5000;

  @IsOptional()
  @IsString()
  JURY_EMAIL?: string;

  @IsOptional()
  @IsString()
  JURY_PASSWORD?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** On SIGTERM the API goes on answering for this long (health says it is stopping) before it stops accepting connections. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'SHUTDOWN_DRAIN_MS must be an integer' })
  @Min(0)
  @Max(60000)
  SHUTDOWN_DRAIN_MS = 3000;

  /** How often a worker reconciles the queues with Postgres (repeating jobs, calendar, outbox, PENDING tasks). */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'RECONCILE_EVERY_MS must be an integer' })
  @Min(1000)
  @Max(60000)
  RECONCILE_EVERY_MS = 10000;

  /** Comma-separated category codes whose assignment queues this worker serves; empty serves every sector. */
  @Matches(/^([a-z0-9-]+(,[a-z0-9-]+)*)?$/, { message: 'WORKER_SECTORS must be category codes separated by commas, e.g. banking,telecoms' })
  WORKER_SECTORS = '';

  /**
   * The worker's CPU priority (Unix nice, 0–19): background work (PDFs, e-mails, assignment) yields the CPU to the
   * API's answers when both run on one machine. 0 keeps the priority it was started with.
   */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'WORKER_NICE must be an integer' })
  @Min(0)
  @Max(19)
  WORKER_NICE = 10;

  /** Assignment jobs a worker runs at once on each sector queue. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'ASSIGNMENT_CONCURRENCY must be an integer' })
  @Min(1)
  @Max(64)
  ASSIGNMENT_CONCURRENCY = 4;

  /**
   * Comma-separated addresses (or CIDR blocks, or loopback / linklocal / uniquelocal) of the reverse proxies
   * whose X-Forwarded-For names the client. Empty: no proxy is trusted and the client is the TCP peer.
   */
  @ValidateBy(
    { name: 'isProxyList', validator: { validate: (value: unknown) => typeof value === 'string' && trustedProxyItems(value).every(isProxyAddress) } },
    { message: 'TRUSTED_PROXIES must be IP addresses or CIDR blocks separated by commas, e.g. 10.0.0.5,192.168.0.0/16' },
  )
  TRUSTED_PROXIES = '';

  /** Requests per client address and hour to the routes that e-mail an address the caller chose (sign-up, invitations). */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'EMAIL_ROUTE_LIMIT_PER_HOUR must be an integer' })
  @Min(1)
  EMAIL_ROUTE_LIMIT_PER_HOUR = 50;
}

const trustedProxyItems = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** Named address ranges that Fastify's proxy-addr understands. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** An IP address, a CIDR block (`10.0.0.0/8`) or a named range. */
export function isProxyAddress(item: string): boolean {
  if (PROXY_RANGES.includes(item)) return true;
  const [address, bits, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** The trusted proxies as a list, empty when none is configured. */
export const trustedProxies = (config: AppConfig): string[] => trustedProxyItems(config.TRUSTED_PROXIES);

export class ConfigError extends Error {}

/** The webhook secret of the payment stand-in when none is configured (never used in production). */
export const STANDIN_WEBHOOK_SECRET = 'whsec_standin_development_only';

/** Defaults are for developer machines only; production must say where its services and secrets are. */
const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'PUBLIC_URL', 'JWT_SECRET', 'MAIL_FROM'] as const;

/** Builds the validated configuration, or throws a ConfigError that names every wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = readEnvironment()): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(AppConfig, present, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  - ${e.property}: ${m}`));
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (config.NODE_ENV === 'production') {
    // A Redis Cluster's nodes name the Redis as well as REDIS_URL does.
    const missing = REQUIRED_IN_PRODUCTION.filter((name) => present[name] === undefined && !(name === 'REDIS_URL' && present.REDIS_CLUSTER_NODES));
    const wrong = [
      ...missing.map((m) => `  - ${m}: is required when NODE_ENV=production`),
      ...(config.PAYMENT_PROVIDER === 'standin' ? ['  - PAYMENT_PROVIDER: standin takes no real payment and is refused when NODE_ENV=production'] : []),
    ];
    if (wrong.length > 0) throw new ConfigError(`Invalid configuration:\n${wrong.join('\n')}`);
  }
  config.PAYMENT_PROVIDER ??= config.NODE_ENV === 'production' || config.STRIPE_SECRET_KEY ? 'stripe' : 'standin';
  // the stand-in signs its webhooks like the provider; outside production a local secret will do
  if (config.PAYMENT_PROVIDER === 'standin') config.STRIPE_WEBHOOK_SECRET ??= STANDIN_WEBHOOK_SECRET;
  return config;
}

/** The process environment, after a local `.env` file (if any) has filled in what is not set. */
function readEnvironment(): Record<string, string | undefined> {
  if (existsSync('.env') && process.env.NODE_ENV !== 'test') process.loadEnvFile('.env');
  return process.env;
}
