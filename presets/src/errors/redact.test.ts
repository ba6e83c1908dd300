import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from './redact';

describe('redactSecrets', () => {
  it('replaces every occurrence of each secret', () => {
    const text = 'key=s3cr3t-key then again s3cr3t-key and tok-123456';
    expect(redactSecrets(text, ['s3cr3t-key', 'tok-123456'])).toBe(
      `key=${REDACTED} then again ${REDACTED} and ${REDACTED}`,
    );
  });

  it('leaves very short values alone so ordinary words survive', () => {
    expect(redactSecrets('a b abc', ['a', 'abc'])).toBe('a b abc');
  });

  it('redacts URL-encoded, base64 and JSON-escaped echoes of a secret', () => {
    const secret = 'p@ss/word+"1 2"';
    const echoes = [
      encodeURIComponent(secret),
      encodeURIComponent(secret).toLowerCase(),
      encodeURIComponent(secret).replace(/%20/g, '+'),
      Buffer.from(secret).toString('base64'),
      Buffer.from(secret).toString('base64url'),
      JSON.stringify(secret).slice(1, -1),
    ];
    for (const echo of echoes) expect(redactSecrets(`got ${echo} back`, [secret]), echo).toBe(`got ${REDACTED} back`);
  });
});
