import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { Env } from '../config/env';
import { KEY_FILE_NAME } from './key-file';
import { Keyring } from './keyring';
import type { SealedSecret } from './vault.crypto';

/**
 * The server's only access to master keys. Keys come from `ROLECALL_MASTER_KEY` or, in the
 * embedded mode, from `<ROLECALL_DATA_DIR>/vault-keys.json`, generated on first start and
 * announced once. Callers pass an owner string (the credential id) as AES-GCM associated data.
 */
@Injectable()
export class VaultService {
  private readonly logger = new Logger(VaultService.name);
  private readonly keyring: Keyring;

  constructor(@Inject(APP_CONFIG) env: Env) {
    if (env.ROLECALL_MASTER_KEY) {
      this.keyring = Keyring.fromEnv(env.ROLECALL_MASTER_KEY.keys);
    } else {
      const path = resolve(env.ROLECALL_DATA_DIR, KEY_FILE_NAME);
      const { keyring, created } = Keyring.fromFile(path);
      this.keyring = keyring;
      if (created) {
        this.logger.warn(
          `generated the vault master key in ${path} (mode 0600). Back it up together with the database: ` +
            'without it the stored credentials cannot be decrypted. Set ROLECALL_MASTER_KEY to manage keys yourself.',
        );
      }
      const mode = statSync(path).mode & 0o777;
      if (mode & 0o077) {
        this.logger.warn(`the vault key file ${path} has mode ${mode.toString(8)}; run \`chmod 600 ${path}\``);
      }
    }
    this.logger.log(`vault keys from ${this.keyring.describe()}`);
  }

  /** `env` when keys come from ROLECALL_MASTER_KEY, `file` in the embedded mode. */
  get mode(): 'env' | 'file' {
    return this.keyring.source.kind;
  }

  get currentKeyId(): string {
    return this.keyring.currentKeyId;
  }

  describe(): string {
    return this.keyring.describe();
  }

  seal(owner: string, plaintext: string): SealedSecret {
    return this.keyring.seal(owner, plaintext);
  }

  /** Throws UnknownKeyError or SecretIntegrityError; never returns unauthenticated bytes. */
  open(owner: string, sealed: SealedSecret): string {
    return this.keyring.open(owner, sealed);
  }

  /** A key for `purpose` derived from master key `keyId` (see Keyring.derive). */
  derive(purpose: string, keyId: string): Buffer {
    return this.keyring.derive(purpose, keyId);
  }

  /** File mode only: makes a newly generated key current (see Keyring.addCurrentKey). */
  addCurrentKey(): string {
    const id = this.keyring.addCurrentKey();
    this.logger.log(`new current vault key ${id}; ${this.keyring.describe()}`);
    return id;
  }
}
