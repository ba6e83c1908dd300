import { ErrorCode } from '../errors/error-code';
import { getPath } from '../mapping';
import { redactSecrets } from '../errors/redact';
import type { OperationName, Preset } from '../preset.schema';
import { MAX_RESPONSE_BYTES } from './http-client';
import { PresetError } from './preset-error';

/** A vendor response as the classifier sees it (header names lower-cased). */
export interface ResponseFacts {
  status: number;
  headers: Record<string, string | undefined>;
  bodyText: string;
}

/** Who was doing what, for messages and redaction. */
export interface ErrorContext {
  preset: Preset;
  operation: OperationName;
  secrets: readonly string[];
  /** Clock for Retry-After dates and reset epochs (tests pin it). */
  now?: number;
}

const DOING: Record<OperationName, string> = {
  listUsers: 'listing users',
  getUser: 'reading a user',
  getUserRole: "reading a user's role",
  deactivateUser: 'deactivating a user',
  reactivateUser: 'reactivating a user',
  deleteUser: 'deleting a user',
  testCredentials: 'testing the credentials',
};

/** What the operation was doing, for messages ("listing users"). */
export function describeOperation(operation: OperationName): string {
  return DOING[operation];
}

const MAX_VENDOR_MESSAGE = 300;

/**
 * The human-readable message in a vendor error body, if any, with the credential's secrets
 * redacted BEFORE it is cut short: a cut can split a secret so that redaction no longer sees it.
 */
export function extractVendorMessage(preset: Preset, bodyText: string, secrets: readonly string[]): string | undefined {
  const text = bodyText.trim();
  if (!text) return undefined;
  let message: string | undefined;
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'string') message = body;
    for (const path of preset.errorMessagePaths) {
      if (message) break;
      const value = getPath(body, path);
      if (typeof value === 'string' && value.trim()) message = value;
    }
  } catch {
    // Plain-text bodies (Planhat sometimes answers a bare string) are messages; HTML/XML are not.
    if (!text.startsWith('<')) message = text;
  }
  if (!message) return undefined;
  const oneLine = redactSecrets(message, secrets).replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_VENDOR_MESSAGE ? `${oneLine.slice(0, MAX_VENDOR_MESSAGE)}…` : oneLine;
}

/**
 * The longest Retry-After honoured. Node's setTimeout turns anything above 2^31-1 ms into 1 ms,
 * so a huge or hostile value would retry at once; ten minutes outlasts every documented window.
 */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** Parses Retry-After (delta seconds or HTTP date) into milliseconds, uncapped. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** Milliseconds until the vendor's rate-limit window resets, from its budget headers. */
export function resetDelayMs(preset: Preset, headers: ResponseFacts['headers'], now: number): number | undefined {
  const spec = preset.rateLimit.headers;
  if (!spec) return undefined;
  const raw = headers[spec.reset.toLowerCase()];
  if (!raw || !/^\d+(\.\d+)?$/.test(raw.trim())) return undefined;
  const n = Number(raw);
  // A second of slack: the reset epoch has one-second resolution.
  return spec.resetKind === 'epochSeconds' ? Math.max(0, n * 1000 - now) + 1000 : n * 1000;
}

/** True when the response is the vendor's throttle signal (429, or e.g. Litmos 503 "rating limit"). */
export function isThrottle(preset: Preset, facts: ResponseFacts): boolean {
  if (facts.status === 429) return true;
  return preset.rateLimit.throttleSignals.some(
    (signal) =>
      signal.status === facts.status &&
      (!signal.bodyIncludes || facts.bodyText.toLowerCase().includes(signal.bodyIncludes.toLowerCase())) &&
      (!signal.header || facts.headers[signal.header.name.toLowerCase()]?.trim() === signal.header.equals),
  );
}

/**
 * Turns a non-2xx vendor response into a PresetError with a code, retryability and a message
 * that says what failed and what to do. 4xx (but throttles) are final; throttles and 5xx retry.
 */
export function classifyResponse(facts: ResponseFacts, ctx: ErrorContext): PresetError {
  const { preset, operation, secrets } = ctx;
  const now = ctx.now ?? Date.now();
  const vendorMessage = extractVendorMessage(preset, facts.bodyText, secrets);
  const doing = DOING[operation];
  const said = vendorMessage ? ` (${preset.name}: "${vendorMessage}")` : '';
  const base = { status: facts.status, presetId: preset.id, operation, secrets, ...(vendorMessage ? { vendorMessage } : {}) };

  if (isThrottle(preset, facts)) {
    const asked = parseRetryAfter(facts.headers['retry-after'], now);
    const capped = asked !== undefined && asked > MAX_RETRY_AFTER_MS;
    const retryAfterMs =
      (asked === undefined ? undefined : Math.min(asked, MAX_RETRY_AFTER_MS)) ??
      resetDelayMs(preset, facts.headers, now) ??
      preset.rateLimit.defaultRetryAfterMs;
    const note = capped ? ` (Retry-After of ${Math.ceil(asked / 1000)} s capped at ${MAX_RETRY_AFTER_MS / 1000} s)` : '';
    return new PresetError({
      ...base,
      code: ErrorCode.VendorRateLimited,
      retryable: true,
      retryAfterMs,
      ...(capped ? { retryAfterCapped: true } : {}),
      message: `${preset.name} rate limit reached while ${doing} (HTTP ${facts.status}; limit ${preset.rateLimit.description})${said}. Retry after ${Math.ceil(retryAfterMs / 1000)} s${note}.`,
    });
  }
  const s = facts.status;
  if (s === 401) {
    const fields = preset.auth.flatMap((a) => a.fields.filter((f) => f.secret).map((f) => f.label));
    return new PresetError({
      ...base,
      code: ErrorCode.VendorAuthFailed,
      retryable: false,
      message: `${preset.name} rejected the credentials (HTTP 401) while ${doing}${said}. Check the credential's ${[...new Set(fields)].join(' / ')} and that API access is enabled for it.`,
    });
  }
  if (s === 403) {
    return new PresetError({
      ...base,
      code: ErrorCode.VendorForbidden,
      retryable: false,
      message: `${preset.name} refused the request (HTTP 403) while ${doing}${said}. Give the credential's account the permission this operation needs.`,
    });
  }
  if (s === 404) {
    return new PresetError({
      ...base,
      code: ErrorCode.VendorNotFound,
      retryable: false,
      message: `${preset.name} found no such resource (HTTP 404) while ${doing}${said}. The user may already be gone, or the base URL / organization is wrong.`,
    });
  }
  if (s >= 400 && s < 500) {
    return new PresetError({
      ...base,
      code: ErrorCode.VendorBadRequest,
      retryable: false,
      message: `${preset.name} rejected the request (HTTP ${s}) while ${doing}${said}. Check the user and the integration settings.`,
    });
  }
  if (s >= 500) {
    return new PresetError({
      ...base,
      code: ErrorCode.VendorServerError,
      retryable: true,
      message: `${preset.name} failed with HTTP ${s} while ${doing}${said}. This is usually temporary; it will be retried.`,
    });
  }
  return new PresetError({
    ...base,
    code: ErrorCode.VendorMalformedResponse,
    retryable: false,
    message: `${preset.name} answered with unexpected HTTP ${s} while ${doing}.`,
  });
}

/** Maps a transport failure (no HTTP response) to a PresetError; never embeds the request. */
export function classifyTransportError(error: unknown, ctx: ErrorContext, timeoutMs: number): PresetError {
  const code = (error as { code?: unknown } | null)?.code;
  const base = { presetId: ctx.preset.id, operation: ctx.operation, secrets: ctx.secrets };
  const doing = DOING[ctx.operation];
  if (code === 'ERR_HOST_NOT_ALLOWED') {
    return new PresetError({
      ...base,
      code: ErrorCode.HostNotAllowed,
      retryable: false,
      message: `${ctx.preset.name}: ${(error as Error).message}`,
    });
  }
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED') {
    return new PresetError({
      ...base,
      code: ErrorCode.VendorTimeout,
      retryable: true,
      message: `${ctx.preset.name} did not answer within ${timeoutMs} ms while ${doing}. It will be retried; raise the timeout if it keeps happening.`,
    });
  }
  if (code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test((error as Error).message)) {
    return new PresetError({
      ...base,
      code: ErrorCode.VendorMalformedResponse,
      retryable: false,
      message: `${ctx.preset.name} sent a response larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB while ${doing}; lower the page size or check the base URL.`,
    });
  }
  const detail = typeof code === 'string' ? ` (${code})` : '';
  return new PresetError({
    ...base,
    code: ErrorCode.VendorUnreachable,
    retryable: true,
    message: `${ctx.preset.name} could not be reached${detail} while ${doing}. Check the base URL and the network; it will be retried.`,
  });
}
