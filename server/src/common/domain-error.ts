import { ErrorCode } from '@rolecall/presets';

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.Unprocessable]: 422,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.DependencyUnavailable]: 503,
};

/**
 * What services throw. It carries a code from the shared vocabulary and a message that says
 * what failed and what to do; the problem filter turns it into problem JSON. Never put a
 * secret in `message` or `details`.
 */
export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = STATUS_BY_CODE[code] ?? 500;
  }
}
