import { SetMetadata } from '@nestjs/common';

export const CSRF_EXEMPT_METADATA = 'rolecall:csrf-exempt';

/**
 * Marks a POST that changes nothing (it only computes an answer), so a cookie-authenticated call
 * needs no X-CSRF-Token: a forged cross-site request can trigger it but cannot read the answer.
 * The Temporal Web UI's codec calls carry the admin's cookie but cannot send our header.
 */
export const CsrfExempt = () => SetMetadata(CSRF_EXEMPT_METADATA, true);
