import { QueryFailedError } from 'typeorm';

/** The SQLSTATE codes the server reacts to (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

/** The SQLSTATE of a failed query, or undefined for any other error. */
export function postgresErrorCode(err: unknown): string | undefined {
  return err instanceof QueryFailedError ? (err.driverError as { code?: string }).code : undefined;
}

/** A write hit a unique constraint or index (e.g. a name already taken). */
export function isUniqueViolation(err: unknown): boolean {
  return postgresErrorCode(err) === UNIQUE_VIOLATION;
}

/** A write or delete broke a foreign key (e.g. a row still referenced elsewhere). */
export function isForeignKeyViolation(err: unknown): boolean {
  return postgresErrorCode(err) === FOREIGN_KEY_VIOLATION;
}
