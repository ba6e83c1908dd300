import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A bearer secret (session cookie or API token): 32 random bytes, so storing only its SHA-256 is
 * enough (no salt or slow hash needed for a value nobody can guess). The prefix makes leaked API
 * tokens recognisable to secret scanners.
 */
export const newSecretToken = (prefix: string): string => `${prefix}${randomBytes(32).toString('base64url')}`;

export const hashSecretToken = (token: string): Buffer => createHash('sha256').update(token).digest();

/** Constant-time comparison of two strings (unequal lengths answer false at once, which reveals only the length). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
