import type { Request, Response } from 'express';
import { csrfTokenFor } from './csrf';

export const SESSION_COOKIE = 'rolecall_session';
/** Readable by the web app's script (not httpOnly): it sends the value back as X-CSRF-Token. */
export const CSRF_COOKIE = 'rolecall_csrf';

/** The value of one cookie of the request, if sent. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Sets the session (httpOnly) and CSRF (readable) cookies; Secure whenever the request came over https. */
export function setSessionCookies(req: Request, res: Response, sessionToken: string, expires: Date): void {
  const common = { sameSite: 'lax' as const, secure: req.secure, path: '/', expires };
  res.cookie(SESSION_COOKIE, sessionToken, { ...common, httpOnly: true });
  res.cookie(CSRF_COOKIE, csrfTokenFor(sessionToken), { ...common, httpOnly: false });
}

export function clearSessionCookies(req: Request, res: Response): void {
  const common = { sameSite: 'lax' as const, secure: req.secure, path: '/' };
  res.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  res.clearCookie(CSRF_COOKIE, common);
}
