import { CancelledFailure } from '@temporalio/activity';
import { toActivityFailure } from './user-load.activity';

/** A preset runtime error as it crosses process boundaries: classified by code, never by class. */
interface CodedVendorError {
  code: string;
  message: string;
  retryable?: boolean;
  retryAfterMs?: number;
  status?: number;
  vendorMessage?: string;
}

export function isCodedError(err: unknown): err is CodedVendorError {
  return typeof err === 'object' && err !== null && typeof (err as CodedVendorError).code === 'string';
}

/** 429, 5xx, timeouts, unreachable: worth another attempt. 4xx (but 429) and bad config are not. */
export function isRetryable(err: unknown): boolean {
  return isCodedError(err) && err.retryable === true;
}

/**
 * What an admin reads on a failed record: who answered what, and what to check.
 * E.g. "Litmos answered 401: invalid API key — check the credential 'Litmos EU'".
 */
export function explainVendorError(err: unknown, vendor: string, credentialName: string): { vendorStatus?: number; message: string } {
  if (!isCodedError(err)) return { message: `${vendor}: ${err instanceof Error ? err.message : String(err)}` };
  const said = err.vendorMessage ?? err.message;
  const hint =
    err.code === 'VENDOR_AUTH_FAILED' || err.code === 'VENDOR_FORBIDDEN'
      ? ` — check the credential '${credentialName}'`
      : err.code === 'VENDOR_NOT_FOUND'
        ? ' — the user no longer exists there'
        : '';
  const head = err.status !== undefined ? `${vendor} answered ${err.status}: ` : `${vendor}: `;
  return { ...(err.status !== undefined ? { vendorStatus: err.status } : {}), message: `${head}${said}${hint}` };
}

/** The failure an engine activity throws: a cancellation stays one, everything else is classified by code. */
export function activityFailure(err: unknown): unknown {
  return err instanceof CancelledFailure ? err : toActivityFailure(err);
}
