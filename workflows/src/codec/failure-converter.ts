import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failures carry messages and stack traces, and a vendor's error message may echo a user's
 * e-mail or name. With common attributes encoded, message and stack travel as a payload, so the
 * payload codec encrypts them like every other payload. Clients, workers and the workflow
 * sandbox all load it by path (FAILURE_CONVERTER_PATH).
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
