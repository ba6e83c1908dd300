import { z } from 'zod';

/**
 * True when `value` is plain, printable text: no control characters (C0, DEL, C1 — Postgres
 * refuses NUL), no bidirectional overrides or isolates (they make a name display as another),
 * no lone surrogate halves, and no angle brackets, so a name can never turn into markup in an
 * export, an e-mail or a log viewer.
 */
function isPlainText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return false;
    if (c === 0x3c || c === 0x3e) return false;
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    }
  }
  return true;
}

/** A name or label people type and others read: trimmed, 1 to `max` characters of plain text. */
export function plainName(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(isPlainText, 'must be plain text (no control or direction-changing characters, no < or >)');
}
