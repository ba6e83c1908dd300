import { EncryptionCodec } from '@rolecall/workflows';
import type { VaultService } from '../vault/vault.service';

/** HKDF purpose of the payload keys: never the same bytes as the keys that seal credentials. */
const PAYLOAD_KEY_PURPOSE = 'rolecall/temporal-payload-codec/v1';

/**
 * The payload codec of every Temporal client and worker of this process, keyed by the vault's
 * master keys (ROLECALL_MASTER_KEY or the embedded key file): the current key encrypts, every
 * key still held decrypts, so a rotation never strands a running workflow's history.
 */
export function createPayloadCodec(vault: VaultService): EncryptionCodec {
  const cache = new Map<string, Buffer>();
  return new EncryptionCodec({
    currentKeyId: () => vault.currentKeyId,
    key: (keyId) => {
      let key = cache.get(keyId);
      if (!key) {
        key = vault.derive(PAYLOAD_KEY_PURPOSE, keyId);
        cache.set(keyId, key);
      }
      return key;
    },
  });
}
