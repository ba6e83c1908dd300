import { hkdfSync } from 'node:crypto';
import { createKeyFileIfMissing, fileStamp, generateKey, readKeyFile, replaceKeyFile, type KeyFile } from './key-file';
import { keyIdOf, open, seal, type SealedSecret } from './vault.crypto';

/** Where the master keys come from: `ROLECALL_MASTER_KEY`, or the embedded mode's key file. */
export type KeySource = { kind: 'env' } | { kind: 'file'; path: string };

/** A secret names a key id the keyring does not hold. */
export class UnknownKeyError extends Error {
  override readonly name = 'UnknownKeyError';
}

/**
 * The master keys: one current key that encrypts, every known key decrypts. In file mode the
 * keyring follows the key file, so a server keeps working while `rolecall vault rotate-key`
 * runs: it picks up a new current key before encrypting and reloads once on an unknown key id.
 */
export class Keyring {
  private keys = new Map<string, Buffer>();
  private current = '';
  private stamp: string | undefined;

  private constructor(readonly source: KeySource) {}

  /** Keys from ROLECALL_MASTER_KEY; the first is current. */
  static fromEnv(keys: readonly Buffer[]): Keyring {
    const first = keys[0];
    if (!first) throw new Error('ROLECALL_MASTER_KEY holds no key');
    const ring = new Keyring({ kind: 'env' });
    ring.keys = new Map(keys.map((k) => [keyIdOf(k), k]));
    ring.current = keyIdOf(first);
    return ring;
  }

  /** Keys from the key file, which is generated (mode 0600) when missing; `created` says so. */
  static fromFile(path: string): { keyring: Keyring; created: boolean } {
    const ring = new Keyring({ kind: 'file', path });
    const { file, created } = createKeyFileIfMissing(path);
    ring.apply(file, fileStamp(path));
    return { keyring: ring, created };
  }

  get currentKeyId(): string {
    this.followFile();
    return this.current;
  }

  /** Every key id held, current first. */
  keyIds(): string[] {
    return [this.current, ...[...this.keys.keys()].filter((id) => id !== this.current)];
  }

  /** Encrypts under the current key. */
  seal(aad: string, plaintext: string): SealedSecret {
    this.followFile();
    return seal(this.key(this.current), aad, plaintext);
  }

  /** Decrypts with whichever key sealed it; throws UnknownKeyError or SecretIntegrityError. */
  open(aad: string, sealed: SealedSecret): string {
    if (!this.keys.has(sealed.keyId) && this.source.kind === 'file') this.reload();
    if (!this.keys.has(sealed.keyId)) throw new UnknownKeyError(this.unknownKeyMessage(sealed.keyId));
    return open(this.key(sealed.keyId), aad, sealed);
  }

  /**
   * A 32-byte key for another use of master key `keyId` (HKDF-SHA256 with `purpose` as info), so
   * no two uses share key material. Follows the key file like `open`; throws UnknownKeyError.
   */
  derive(purpose: string, keyId: string): Buffer {
    if (!this.keys.has(keyId) && this.source.kind === 'file') this.reload();
    return Buffer.from(hkdfSync('sha256', this.key(keyId), Buffer.alloc(0), purpose, 32));
  }

  /**
   * File mode: generates a key and makes it current in the key file, keeping every older key so
   * rows not yet re-encrypted (and running servers) still decrypt. Returns the new key id.
   */
  addCurrentKey(): string {
    if (this.source.kind !== 'file') {
      throw new Error('keys come from ROLECALL_MASTER_KEY: put the new key first in it instead of generating one');
    }
    // Re-read first: the file is the source of truth, another process may have changed it.
    const latest = readKeyFile(this.source.path);
    const { id, key } = generateKey();
    const next: KeyFile = { current: id, keys: { ...latest.keys, [id]: key.toString('base64') } };
    replaceKeyFile(this.source.path, next);
    this.apply(next, fileStamp(this.source.path));
    return id;
  }

  /** Describes the source for logs and CLI output (never a key). */
  describe(): string {
    const count = `${this.keys.size} key${this.keys.size === 1 ? '' : 's'}`;
    return this.source.kind === 'env'
      ? `ROLECALL_MASTER_KEY (${count}, current ${this.current})`
      : `key file ${this.source.path} (${count}, current ${this.current})`;
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new UnknownKeyError(this.unknownKeyMessage(id));
    return key;
  }

  private apply(file: KeyFile, stamp: string): void {
    this.keys = new Map(Object.entries(file.keys).map(([id, b64]) => [id, Buffer.from(b64, 'base64')]));
    this.current = file.current;
    this.stamp = stamp;
  }

  private reload(): void {
    if (this.source.kind !== 'file') return;
    this.apply(readKeyFile(this.source.path), fileStamp(this.source.path));
  }

  /** Reloads when the key file changed since it was read (a rotation made a new key current). */
  private followFile(): void {
    if (this.source.kind !== 'file') return;
    let stamp: string;
    try {
      stamp = fileStamp(this.source.path);
    } catch {
      // The file vanished under a running server: keep encrypting with the keys in memory.
      return;
    }
    if (stamp !== this.stamp) this.reload();
  }

  private unknownKeyMessage(id: string): string {
    const held = [...this.keys.keys()].join(', ');
    return this.source.kind === 'env'
      ? `it is encrypted with key id ${id}, which is not in ROLECALL_MASTER_KEY (it holds ${held}); add that key after the current one`
      : `it is encrypted with key id ${id}, which is not in the key file ${this.source.path} (it holds ${held}); restore the key file from your backup`;
  }
}
