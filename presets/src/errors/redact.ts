/** The placeholder that replaces a secret wherever text might leave the process. */
export const REDACTED = '[REDACTED]';

/**
 * The spellings in which a vendor may echo a secret back: as sent, URL-encoded (either hex case,
 * `+` for spaces), base64 / base64url (with or without padding) and JSON-escaped. Pure string
 * code (no Buffer), so the module stays browser-safe.
 */
function spellings(secret: string): string[] {
  const utf8 = new TextEncoder().encode(secret);
  const base64 = btoa(Array.from(utf8, (b) => String.fromCharCode(b)).join(''));
  const unpadded = base64.replace(/=+$/, '');
  const urlEncoded = encodeURIComponent(secret);
  return [
    secret,
    urlEncoded,
    urlEncoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    urlEncoded.replace(/%20/g, '+'),
    base64,
    unpadded,
    unpadded.replace(/\+/g, '-').replace(/\//g, '_'),
    JSON.stringify(secret).slice(1, -1),
  ];
}

/**
 * Replaces every occurrence of each secret, in each spelling a vendor may echo, in `text`.
 * Secrets shorter than 4 characters are ignored because replacing them would mangle ordinary
 * words without protecting anything. Longer spellings go first, so a secret inside its own
 * encoded form cannot leave a fragment behind.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const all = [...new Set(secrets.filter((s) => s.length >= 4).flatMap(spellings))].sort((a, b) => b.length - a.length);
  let out = text;
  for (const spelling of all) out = out.split(spelling).join(REDACTED);
  return out;
}
