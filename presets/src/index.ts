export { ErrorCode } from './errors/error-code';
export { REDACTED, redactSecrets } from './errors/redact';
