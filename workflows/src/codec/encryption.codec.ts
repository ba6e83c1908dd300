import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** `encoding` metadata of a payload this codec sealed. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** Metadata naming the key that sealed a payload, so a rotated key's payloads still open. */
export const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('utf8') : undefined);

/**
 * Where the codec's 32-byte keys come from (the server derives them from the vault's master
 * keys). `key` throws for an id it does not hold, with a message that says what to restore.
 */
export interface CodecKeys {
  currentKeyId(): string;
  key(keyId: string): Buffer;
}

/**
 * Encrypts every Temporal payload (workflow and activity inputs and results, memos, failures'
 * details, schedule arguments) with AES-256-GCM before it leaves the process, so Temporal's
 * history holds no email, name or other personal data in clear. The whole Payload (its metadata
 * too) is sealed; the key id in clear metadata lets old keys decrypt after a rotation. The
 * encoding string is the associated data, so a payload cannot be relabelled as plain.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keys: CodecKeys) {}

  encode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.resolve(payloads.map((payload) => this.seal(payload)));
  }

  decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.resolve(payloads.map((payload) => this.open(payload)));
  }

  private seal(payload: Payload): Payload {
    const keyId = this.keys.currentKeyId();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.key(keyId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(utf8(ENCRYPTED_ENCODING));
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return { metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(keyId) }, data: sealed };
  }

  private open(payload: Payload): Payload {
    // Payloads written before encryption was on (or by another SDK) pass through unchanged.
    if (text(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) return payload;
    const keyId = text(payload.metadata?.[KEY_ID_METADATA]);
    const data = payload.data;
    if (!keyId || !data || data.length < IV_BYTES + TAG_BYTES) throw new Error('an encrypted Temporal payload is malformed');
    const decipher = createDecipheriv('aes-256-gcm', this.keys.key(keyId), data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(utf8(ENCRYPTED_ENCODING));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    return temporal.api.common.v1.Payload.decode(plain) as Payload;
  }
}
