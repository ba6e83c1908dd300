import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A secret encrypted with AES-256-GCM, as stored: which key, the random IV, the tag and the ciphertext. */
export interface SealedSecret {
  keyId: string;
  iv: Buffer;
  authTag: Buffer;
  ciphertext: Buffer;
}

/** Thrown when a sealed secret does not authenticate: modified bytes, wrong key or wrong owner (AAD). */
export class SecretIntegrityError extends Error {
  override readonly name = 'SecretIntegrityError';
}

/** Key id = first 16 hex characters of sha256(key): stable, short, and reveals nothing usable. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * Encrypts `plaintext` under `key` with a fresh random IV. `aad` binds the ciphertext to its owner
 * (e.g. the credential id), so a ciphertext copied onto another row fails authentication.
 */
export function seal(key: Buffer, aad: string, plaintext: string): SealedSecret {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyId: keyIdOf(key), iv, authTag: cipher.getAuthTag(), ciphertext };
}

/** Decrypts and authenticates; throws SecretIntegrityError instead of ever returning garbage. */
export function open(key: Buffer, aad: string, sealed: SealedSecret): string {
  if (sealed.iv.length !== IV_BYTES || sealed.authTag.length !== TAG_BYTES) {
    throw new SecretIntegrityError('the stored IV or authentication tag has the wrong length');
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // Node says "Unsupported state or unable to authenticate data"; ours says what it means.
    throw new SecretIntegrityError('the ciphertext failed authentication (modified, or not sealed for this owner)');
  }
}
