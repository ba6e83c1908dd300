import { ErrorCode } from '@rolecall/presets';
import type { Request, RequestHandler } from 'express';
import { sendProblem } from './send-problem';

/** Who may talk to this server, from the configuration. */
export interface RequestGuardOptions {
  /** Host names the server answers to (Host header, any port); lower case. */
  hostnames: readonly string[];
  /** Origins allowed to write under a path prefix, besides those whose host name is in `hostnames`. */
  extraOrigins: readonly { pathPrefix: string; origins: readonly string[] }[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host name of a Host header or origin ("[::1]:3000" → "::1"), lower case. */
function hostnameOf(host: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracketed?.[1]) return bracketed[1].toLowerCase();
  return host.replace(/:\d+$/, '').toLowerCase();
}

function originAllowed(origin: string, path: string, options: RequestGuardOptions): boolean {
  if (options.extraOrigins.some((e) => path.startsWith(e.pathPrefix) && e.origins.includes(origin))) return true;
  const url = URL.parse(origin);
  // Like cookies, trust follows the host name, not the port: the Vite dev server proxies from :5173.
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && options.hostnames.includes(hostnameOf(url.host));
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * In front of every route:
 * - Host must be one of ours, so a DNS-rebound name (attacker.example → 127.0.0.1) cannot
 *   drive the admin UI from the attacker's page.
 * - Writes from a browser must come from one of our origins (Origin / Sec-Fetch-Site), so a
 *   cross-site page or HTML form cannot create credentials or start runs.
 * - Write bodies are uncompressed `application/json` only; a form post gets 415.
 */
export function requestGuard(options: RequestGuardOptions): RequestHandler {
  return (req, res, next) => {
    const host = req.headers.host ?? '';
    if (!options.hostnames.includes(hostnameOf(host))) {
      return sendProblem(res, {
        status: 400,
        code: ErrorCode.ValidationFailed,
        message: `this server does not answer to the host "${host.slice(0, 100)}"; add it to ROLECALL_SERVER_HOSTNAMES if it is yours`,
      });
    }
    // NUL in a path or query would reach Postgres, which refuses it with an error.
    if (/%00/.test(req.originalUrl)) {
      return sendProblem(res, { status: 400, code: ErrorCode.ValidationFailed, message: 'the URL holds a NUL character (%00)' });
    }
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    const crossSite = req.headers['sec-fetch-site'] === 'cross-site' && origin === undefined;
    if (crossSite || (origin !== undefined && !originAllowed(origin, req.path, options))) {
      return sendProblem(res, {
        status: 403,
        code: ErrorCode.Forbidden,
        message: 'cross-origin writes are refused; use the Rolecall web app or call the API without an Origin header',
      });
    }
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      return sendProblem(res, { status: 415, code: ErrorCode.UnsupportedMediaType, message: 'send the body uncompressed (no Content-Encoding)' });
    }
    const type = req.headers['content-type'];
    const isJson = type?.split(';')[0]?.trim().toLowerCase() === 'application/json';
    if ((hasBody(req) || type !== undefined) && !isJson) {
      return sendProblem(res, {
        status: 415,
        code: ErrorCode.UnsupportedMediaType,
        message: 'request bodies must be application/json',
      });
    }
    next();
  };
}
