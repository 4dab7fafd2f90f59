import { createHash, randomBytes } from 'node:crypto';

/** An unguessable token (256 random bits) for a link or a cookie; only its hash is stored. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecretToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
