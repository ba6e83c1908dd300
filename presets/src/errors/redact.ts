/** The placeholder that replaces a secret wherever text might leave the process. */
export const REDACTED = '[REDACTED]';

/**
 * Replaces every occurrence of each secret in `text`. Secrets shorter than 4 characters are
 * ignored because replacing them would mangle ordinary words without protecting anything.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}
