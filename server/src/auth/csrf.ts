import { createHash } from 'node:crypto';

/** Header a cookie-authenticated write must carry; the web app copies it from the CSRF cookie. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The CSRF token of a session: derived from the session cookie, so nothing more is stored, it
 * changes with every session, and a page on another site can neither read the cookie it comes
 * from nor compute it.
 */
export const csrfTokenFor = (sessionToken: string): string =>
  createHash('sha256').update(`rolecall-csrf\0${sessionToken}`).digest('base64url');
