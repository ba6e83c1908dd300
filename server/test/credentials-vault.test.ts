import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../src/config/env';
import { loggerOptions } from '../src/logging/logger-options';
import { createKeyFileIfMissing, KEY_FILE_NAME, readKeyFile } from '../src/vault/key-file';
import { Keyring, UnknownKeyError } from '../src/vault/keyring';
import { keyIdOf, open, seal, SecretIntegrityError } from '../src/vault/vault.crypto';
import { tempDataDir } from './support/vault-app';

const KEY_A = Buffer.alloc(32, 1);
const KEY_B = Buffer.alloc(32, 2);
const SECRET = '{"apiKey":"sk-live-0123456789abcdef"}';

describe('AES-256-GCM sealing', () => {
  it('round-trips with a fresh IV every time and names the key by sha256 prefix', () => {
    const a = seal(KEY_A, 'owner-1', SECRET);
    const b = seal(KEY_A, 'owner-1', SECRET);
    expect(a.keyId).toBe(keyIdOf(KEY_A));
    expect(a.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(a.iv).toHaveLength(12);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.ciphertext.toString('utf8')).not.toContain('sk-live');
    expect(open(KEY_A, 'owner-1', a)).toBe(SECRET);
  });

  it('detects a flipped byte in the ciphertext, the tag or the IV instead of returning garbage', () => {
    const sealed = seal(KEY_A, 'owner-1', SECRET);
    for (const part of ['ciphertext', 'authTag', 'iv'] as const) {
      const tampered = { ...sealed, [part]: Buffer.from(sealed[part]) };
      tampered[part][0]! ^= 0x01;
      expect(() => open(KEY_A, 'owner-1', tampered)).toThrow(SecretIntegrityError);
    }
  });

  it('refuses a ciphertext moved to another owner (associated data) or opened with another key', () => {
    const sealed = seal(KEY_A, 'owner-1', SECRET);
    expect(() => open(KEY_A, 'owner-2', sealed)).toThrow(/failed authentication/);
    expect(() => open(KEY_B, 'owner-1', sealed)).toThrow(SecretIntegrityError);
  });
});

describe('ROLECALL_MASTER_KEY', () => {
  const a = KEY_A.toString('base64');
  const b = KEY_B.toString('base64');

  it('parses one or more base64 32-byte keys, the first being current', () => {
    const env = loadEnv({ ROLECALL_MASTER_KEY: `${b}, ${a}` });
    expect(env.ROLECALL_MASTER_KEY?.keys.map((k) => k.toString('base64'))).toEqual([b, a]);
    expect(loadEnv({}).ROLECALL_MASTER_KEY).toBeUndefined();
  });

  it('rejects short, non-base64 and repeated keys without echoing the value', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    for (const value of [short, 'not a key at all', `${a},${a}`, `${a},`]) {
      let error: unknown;
      try {
        loadEnv({ ROLECALL_MASTER_KEY: value });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toMatch(/ROLECALL_MASTER_KEY: entry \d of \d/);
      for (const part of value.split(',').filter((p) => p.length > 3)) expect(message).not.toContain(part.trim());
    }
  });

  it('never prints the keys when the parsed configuration is logged', () => {
    const env = loadEnv({ ROLECALL_MASTER_KEY: a });
    expect(JSON.stringify(env)).not.toContain(a);
    expect(JSON.stringify(env)).toContain('"ROLECALL_MASTER_KEY":"[REDACTED]"');
  });
});

describe('keyring', () => {
  it('creates the key file with mode 0600 once and reuses it', () => {
    const path = join(tempDataDir(), 'nested', KEY_FILE_NAME);
    const first = Keyring.fromFile(path);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const before = readFileSync(path, 'utf8');
    const second = Keyring.fromFile(path);
    expect(second.created).toBe(false);
    expect(second.keyring.currentKeyId).toBe(first.keyring.currentKeyId);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readKeyFile(path).current).toBe(first.keyring.currentKeyId);
  });

  it('agrees on one key when two processes create the file at once', () => {
    const path = join(tempDataDir(), KEY_FILE_NAME);
    const results = [createKeyFileIfMissing(path), createKeyFileIfMissing(path)];
    expect(results.map((r) => r.created)).toEqual([true, false]);
    expect(results[1]!.file).toEqual(results[0]!.file);
    expect(readdirSync(dirname(path))).toEqual([KEY_FILE_NAME]);
  });

  it('in file mode follows a rotation made by another process: new current key, old ones still open', () => {
    const path = join(tempDataDir(), KEY_FILE_NAME);
    const server = Keyring.fromFile(path).keyring;
    const before = server.seal('owner', SECRET);
    const rotator = Keyring.fromFile(path).keyring;
    const newId = rotator.addCurrentKey();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const after = rotator.seal('owner', SECRET);
    expect(after.keyId).toBe(newId);
    // The server never saw the new key: it reloads on the unknown id, and encrypts with it next.
    expect(server.open('owner', after)).toBe(SECRET);
    expect(server.seal('owner', SECRET).keyId).toBe(newId);
    expect(server.open('owner', before)).toBe(SECRET);
    expect(Object.keys(readKeyFile(path).keys)).toHaveLength(2);
  });

  it('names the missing key id and what to do when a secret was sealed with an unknown key', () => {
    const sealed = seal(KEY_B, 'owner', SECRET);
    const envRing = Keyring.fromEnv([KEY_A]);
    expect(() => envRing.open('owner', sealed)).toThrow(UnknownKeyError);
    expect(() => envRing.open('owner', sealed)).toThrow(`key id ${keyIdOf(KEY_B)}, which is not in ROLECALL_MASTER_KEY`);
    const path = join(tempDataDir(), KEY_FILE_NAME);
    const fileRing = Keyring.fromFile(path).keyring;
    expect(() => fileRing.open('owner', sealed)).toThrow(`not in the key file ${path}`);
  });

  it('refuses a damaged key file with a message naming it and no key material', () => {
    const path = join(tempDataDir(), KEY_FILE_NAME);
    Keyring.fromFile(path);
    const file = readKeyFile(path);
    const [id] = Object.keys(file.keys);
    writeFileSync(path, JSON.stringify({ ...file, keys: { [id!]: KEY_A.toString('base64') } }), { mode: 0o600 });
    expect(() => Keyring.fromFile(path)).toThrow(new RegExp(`vault key file ${path} is invalid .*does not match its key`));
  });
});

describe('log redaction of vault shapes', () => {
  it('censors decrypted credentials and ciphertext wherever they are nested one level down', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const redact = (loggerOptions(loadEnv({})).pinoHttp as { redact: { paths: string[]; censor: string } }).redact;
    pino({ redact }, sink).info({
      resolved: { presetId: 'litmos', credentials: { apiKey: 'sk-live-abcdef123456', source: 'x' } },
      row: { ciphertext: 'deadbeefcafe0001' },
    });
    const out = lines.join('');
    expect(out).not.toContain('sk-live-abcdef123456');
    expect(out).not.toContain('deadbeefcafe0001');
    expect(out).toContain('litmos');
  });
});
