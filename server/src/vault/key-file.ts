import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { keyIdOf } from './vault.crypto';

/** File name of the embedded-mode key file inside ROLECALL_DATA_DIR. */
export const KEY_FILE_NAME = 'vault-keys.json';

const Base64Key = z
  .string()
  .refine((v) => /^[A-Za-z0-9+/]{43}=$/.test(v), 'must be a base64-encoded 32-byte key');

/** The key file: every key ever used (old ones decrypt rows not yet re-encrypted) and the current one. */
export const KeyFileSchema = z
  .object({ current: z.string().regex(/^[0-9a-f]{16}$/), keys: z.record(z.string(), Base64Key) })
  .superRefine((file, ctx) => {
    if (!(file.current in file.keys)) ctx.addIssue({ code: 'custom', path: ['current'], message: 'names no key in "keys"' });
    for (const [id, key] of Object.entries(file.keys)) {
      if (keyIdOf(Buffer.from(key, 'base64')) !== id) {
        ctx.addIssue({ code: 'custom', path: ['keys', id], message: 'does not match its key (id = sha256(key)[0..16])' });
      }
    }
  });
export type KeyFile = z.infer<typeof KeyFileSchema>;

/** Reads and validates the key file; errors name the file and the problem, never a key. */
export function readKeyFile(path: string): KeyFile {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the vault key file ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`the vault key file ${path} is not valid JSON; restore it from your backup`);
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'} ${i.message}`).join('; ');
    throw new Error(`the vault key file ${path} is invalid (${problems}); restore it from your backup`);
  }
  return parsed.data;
}

/** A fresh random 32-byte key with its id. */
export function generateKey(): { id: string; key: Buffer } {
  const key = randomBytes(32);
  return { id: keyIdOf(key), key };
}

/** Writes `file` to a new 0600 temp file beside `path` (never readable by others, not even briefly). */
function writeTemp(path: string, file: KeyFile): string {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}

/**
 * Creates the key file with one new key unless it exists. Creation is atomic and exclusive
 * (hard link of a complete temp file), so two processes starting together agree on one key.
 */
export function createKeyFileIfMissing(path: string): { file: KeyFile; created: boolean } {
  try {
    statSync(path);
    return { file: readKeyFile(path), created: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const { id, key } = generateKey();
  const file: KeyFile = { current: id, keys: { [id]: key.toString('base64') } };
  const temp = writeTemp(path, file);
  try {
    linkSync(temp, path);
    return { file, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { file: readKeyFile(path), created: false };
  } finally {
    unlinkSync(temp);
  }
}

/** Replaces the key file atomically (temp file + rename), keeping mode 0600. */
export function replaceKeyFile(path: string, file: KeyFile): void {
  renameSync(writeTemp(path, KeyFileSchema.parse(file)), path);
}

/** Changes when the file is replaced or rewritten; cheap enough to check before every encryption. */
export function fileStamp(path: string): string {
  const s = statSync(path);
  return `${s.ino}:${s.size}:${s.mtimeMs}`;
}
