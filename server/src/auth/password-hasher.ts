import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum), computed off the event
 * loop by the native module. The PHC string keeps the parameters, so raising them later still
 * verifies old hashes.
 */
export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: Algorithm.Argon2id });

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash verifies nothing.
    return false;
  }
}

let decoy: Promise<string> | undefined;

/** Verified against when the email is unknown, so a wrong email takes as long as a wrong password. */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('rolecall-decoy-password');
  return decoy;
}
