import type { RetryPolicy } from '@temporalio/workflow';

/** Short Postgres bookkeeping (run rows, records, pages): transient faults clear within a minute. */
export const BOOKKEEPING_RETRY: RetryPolicy = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 };

/**
 * Vendor-facing activities (snapshot, Role Retrieval, API). Reads are always safe to retry and
 * writes go through the effects ledger; a throttle's Retry-After overrides the interval
 * (ApplicationFailure nextRetryDelay), 4xx but 429 are non-retryable by their code.
 */
export const VENDOR_RETRY: RetryPolicy = { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 12 };
