import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Response headers of every route (helmet): a CSP that runs only our own scripts (the built web
 * app and Swagger UI load scripts from files; React Flow and Swagger UI set inline styles, hence
 * 'unsafe-inline' for styles only), no framing (clickjacking), nosniff and no referrer. No
 * upgrade-insecure-requests: the embedded default serves plain http on localhost.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
