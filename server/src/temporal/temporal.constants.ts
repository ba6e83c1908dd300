/** Injection token of the Temporal client (`@temporalio/client` Client). */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
