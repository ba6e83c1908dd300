/** Injection token of the Temporal client (`@temporalio/client` Client). */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/** Injection token of the payload codec every Temporal client and worker of the process uses. */
export const PAYLOAD_CODEC = Symbol('PAYLOAD_CODEC');
