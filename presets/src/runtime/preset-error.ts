import { ErrorCode } from '../errors/error-code';
import { redactSecrets } from '../errors/redact';

/** What a PresetError carries besides its message. */
export interface PresetErrorInit {
  code: ErrorCode;
  message: string;
  /** The vendor's HTTP status, when the vendor answered. */
  status?: number;
  /** How long to wait before retrying (Retry-After, rate-limit reset, or the vendor's default). */
  retryAfterMs?: number;
  /** The vendor asked for a longer wait than the runtime honours (MAX_RETRY_AFTER_MS). */
  retryAfterCapped?: boolean;
  retryable: boolean;
  /** The human-readable message from the vendor's error body. */
  vendorMessage?: string;
  presetId?: string;
  operation?: string;
  /** Credential values to scrub from the message and vendor message. */
  secrets?: readonly string[];
}

/**
 * The one error type the preset runtime throws. Classify by `code` (it survives serialisation
 * into a Temporal ApplicationFailure `type` or problem JSON), not by `instanceof`. Messages are
 * redacted at construction and never embed request headers, bodies or query strings.
 */
export class PresetError extends Error {
  override readonly name = 'PresetError';
  readonly code: ErrorCode;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly retryAfterCapped?: boolean;
  readonly retryable: boolean;
  readonly vendorMessage?: string;
  readonly presetId?: string;
  readonly operation?: string;

  constructor(init: PresetErrorInit) {
    const secrets = init.secrets ?? [];
    super(redactSecrets(init.message, secrets));
    this.code = init.code;
    this.retryable = init.retryable;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.retryAfterCapped) this.retryAfterCapped = true;
    if (init.vendorMessage !== undefined) this.vendorMessage = redactSecrets(init.vendorMessage, secrets);
    if (init.presetId !== undefined) this.presetId = init.presetId;
    if (init.operation !== undefined) this.operation = init.operation;
  }

  /** Plain data for logs, Temporal failure details and problem JSON. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      retryAfterMs: this.retryAfterMs,
      retryAfterCapped: this.retryAfterCapped,
      retryable: this.retryable,
      vendorMessage: this.vendorMessage,
      presetId: this.presetId,
      operation: this.operation,
    };
  }
}

/** True for errors the runtime raised (by shape, so it also works across module copies). */
export function isPresetError(error: unknown): error is PresetError {
  return (
    error instanceof Error &&
    error.name === 'PresetError' &&
    (Object.values(ErrorCode) as unknown[]).includes((error as { code?: unknown }).code)
  );
}
