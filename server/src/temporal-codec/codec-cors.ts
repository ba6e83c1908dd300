import type { RequestHandler } from 'express';

/**
 * CORS for the codec endpoint only: the Temporal Web UI calls it from the admin's browser on its
 * own origin (ROLECALL_TEMPORAL_UI_ORIGINS). Credentials are allowed so the admin's session
 * reaches the endpoint; every other route stays same-origin.
 */
export function codecCors(origins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined || !origins.includes(origin)) return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
    if (req.method !== 'OPTIONS') return next();
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Namespace, Authorization');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}
