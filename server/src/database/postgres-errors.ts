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

/**
 * SQLSTATEs that a retry of the same transaction can get past: serialization failure, deadlock,
 * the server shutting down or restarting, too many connections, and connection exceptions (08xxx).
 */
const TRANSIENT_STATES = new Set(['40001', '40P01', '57P01', '57P02', '57P03', '53300']);
/** Socket errors of a Postgres server that is restarting or unreachable. */
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * A database failure that goes away by itself (a deadlock, a Postgres restart), so the step that
 * hit it should be retried, not failed. pg reports a connection lost mid-query without any code.
 */
export function isTransientDatabaseError(err: unknown): boolean {
  // A failed query carries its SQLSTATE on the driver error; a refused connection (the server
  // starting or shutting down) is the driver's own error, with the SQLSTATE or socket code on it.
  const code = postgresErrorCode(err) ?? (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (TRANSIENT_STATES.has(code) || code.startsWith('08') || CONNECTION_ERRORS.has(code))) return true;
  const message = err instanceof Error ? err.message : '';
  return /Connection terminated|terminating connection|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(message);
}
