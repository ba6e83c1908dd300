import { ErrorCode } from '@rolecall/presets';
import { DomainError } from '../common/domain-error';
import { isForeignKeyViolation, isUniqueViolation } from '../database/postgres-errors';

/** Turns a constraint violation of a credential write into a 409 that says what to do; other errors pass through. */
export function credentialWriteError(err: unknown, name: string | undefined): unknown {
  if (isUniqueViolation(err)) {
    return new DomainError(ErrorCode.Conflict, `a credential named "${name}" already exists (names are case-insensitive); choose another name`);
  }
  if (isForeignKeyViolation(err)) {
    return new DomainError(ErrorCode.Conflict, 'the credential is still used (e.g. by an integration or workflow); remove those uses first');
  }
  return err;
}
