/**
 * Who every change is attributed to until authentication lands (the auth issue replaces it with
 * the signed-in user or API token).
 */
export const SYSTEM_ACTOR = 'system';
