/**
 * The one error-code vocabulary shared by every package (presets runtime, activities, API).
 * Errors are classified by these codes, never by `instanceof` across process boundaries:
 * a Temporal ApplicationFailure carries the code as its `type`, the API puts it in problem JSON.
 */
export const ErrorCode = {
  /** Malformed request body or query (400, with zod issues). */
  ValidationFailed: 'VALIDATION_FAILED',
  /** A workflow graph or other document is well-formed but not acceptable (422). */
  Unprocessable: 'UNPROCESSABLE',
  NotFound: 'NOT_FOUND',
  /** A request body over the size limit (413). */
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** A request body that is not uncompressed UTF-8 `application/json` (415). */
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  Conflict: 'CONFLICT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  /** Too many attempts (sign-in throttle, account lockout): 429, with when to try again. */
  RateLimited: 'RATE_LIMITED',
  /** A dependency (Postgres, Temporal) cannot be reached. */
  DependencyUnavailable: 'DEPENDENCY_UNAVAILABLE',
  ConfigInvalid: 'CONFIG_INVALID',
  Internal: 'INTERNAL',
  // Vendor calls made by the preset runtime.
  VendorAuthFailed: 'VENDOR_AUTH_FAILED',
  VendorForbidden: 'VENDOR_FORBIDDEN',
  VendorNotFound: 'VENDOR_NOT_FOUND',
  VendorRateLimited: 'VENDOR_RATE_LIMITED',
  VendorServerError: 'VENDOR_SERVER_ERROR',
  VendorBadRequest: 'VENDOR_BAD_REQUEST',
  VendorMalformedResponse: 'VENDOR_MALFORMED_RESPONSE',
  VendorUnreachable: 'VENDOR_UNREACHABLE',
  /** The vendor did not answer within the request timeout (retryable). */
  VendorTimeout: 'VENDOR_TIMEOUT',
  /** A URL (base URL override, next-page link, redirect) points outside the allow-list. */
  HostNotAllowed: 'HOST_NOT_ALLOWED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
