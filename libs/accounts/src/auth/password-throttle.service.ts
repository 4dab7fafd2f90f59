import { Injectable } from '@nestjs/common';
import { AppConfig, InjectRedis, ThrottledError, type RedisClient } from '@app/core';

/** Ten wrong passwords for one account, or a hundred from one address, block that account or address for 15 minutes. */
const WINDOW_MS = 15 * 60 * 1000;
const PER_ACCOUNT = 10;
const PER_ADDRESS = 100;

/**
 * Counts an attempt before its password is checked, atomically: refused (with the milliseconds left) when the
 * subject is blocked or already has `limit` attempts counted. KEYS: attempts, block. ARGV: limit, window (ms).
 */
const RESERVE = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then return blocked end
local attempts = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if attempts > tonumber(ARGV[1]) then
  redis.call('DECR', KEYS[1])
  return tonumber(ARGV[2])
end
return 0`;

/** A wrong password: once the limit is reached, blocked for the window from this (the last) failure. */
const FAIL = `
local attempts = tonumber(redis.call('GET', KEYS[1]) or '0')
if attempts >= tonumber(ARGV[1]) then redis.call('SET', KEYS[2], '1', 'PX', ARGV[2]) end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return attempts`;

/** An attempt that was not a failure gives its count back (a right password clears the account's, see below). */
const RELEASE = `
if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then return redis.call('DECR', KEYS[1]) end
return 0`;

/** Too many failed logins; it carries `statusCode` too, which Fastify plugins (the dashboard's basic auth) read. */
export class TooManyAttemptsError extends ThrottledError {
  readonly statusCode = 429;

  constructor(waitMs: number) {
    super(`too many failed logins: try again in ${Math.max(1, Math.ceil(waitMs / 60_000))} minute(s)`, 'TOO_MANY_FAILED_LOGINS');
  }
}

interface Subject {
  keys: [attempts: string, block: string];
  limit: number;
}

/**
 * The one throttle in front of every check of a password (login, the queue dashboard's basic auth, and any
 * later one): per account and per client address, counted in Redis before the check, so parallel guesses
 * are counted too and every API instance shares the counts.
 */
@Injectable()
export class PasswordThrottle {
  private readonly prefix: string;

  constructor(
    @InjectRedis() private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    this.prefix = `${config.QUEUE_PREFIX}:password-attempts`;
  }

  /**
   * Runs `check` (true when the password is right) unless the account or the address is blocked (429).
   * A wrong password counts against both; a right one clears the account's failures.
   */
  async attempt(who: { account: string; address: string }, check: () => Promise<boolean>): Promise<boolean> {
    const account = this.subject('account', who.account.trim().toLowerCase(), PER_ACCOUNT);
    const address = this.subject('address', who.address, PER_ADDRESS);
    await this.reserve(account);
    try {
      await this.reserve(address);
    } catch (error) {
      await this.run(RELEASE, account);
      throw error;
    }
    let right: boolean;
    try {
      right = await check();
    } catch (error) {
      await Promise.all([this.run(RELEASE, account), this.run(RELEASE, address)]);
      throw error;
    }
    if (right) await Promise.all([this.redis.del(account.keys[0]), this.run(RELEASE, address)]);
    else await Promise.all([this.run(FAIL, account), this.run(FAIL, address)]);
    return right;
  }

  /** The Redis keys of one subject; its hash tag keeps the attempts and the block in one Redis Cluster slot. */
  private subject(kind: 'account' | 'address', id: string, limit: number): Subject {
    const tag = `${this.prefix}:{${kind}:${id}}`;
    return { keys: [`${tag}:attempts`, `${tag}:blocked`], limit };
  }

  private async reserve(subject: Subject): Promise<void> {
    const waitMs = Number(await this.run(RESERVE, subject));
    if (waitMs > 0) throw new TooManyAttemptsError(waitMs);
  }

  private run(script: string, subject: Subject): Promise<unknown> {
    return this.redis.eval(script, 2, ...subject.keys, subject.limit, WINDOW_MS);
  }
}
