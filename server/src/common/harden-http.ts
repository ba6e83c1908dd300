import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Env } from '../config/env';
import { codecCors } from '../temporal-codec/codec-cors';
import { jsonBody, jsonBodyErrors } from './json-body';
import { requestGuard } from './request-guard';
import { securityHeaders } from './security-headers';

const CODEC_PATH = '/api/temporal-codec/';

/** Host names the server answers to: the loopback names, HOST (unless a wildcard) and the configured ones. */
export function serverHostnames(env: Env): string[] {
  const own = env.HOST === '0.0.0.0' || env.HOST === '::' ? [] : [env.HOST.replace(/^\[|\]$/g, '').toLowerCase()];
  return [...new Set(['localhost', '127.0.0.1', '::1', ...own, ...env.ROLECALL_SERVER_HOSTNAMES])];
}

/**
 * Everything in front of Nest's routes, in order: security headers, the Host / Origin /
 * media-type guard, CORS for the Temporal UI's codec calls, the one JSON body parser and its
 * errors as problem JSON. The app must be created with `bodyParser: false`.
 */
export function hardenHttp(app: NestExpressApplication, env: Env): void {
  app.disable('x-powered-by');
  app.set('trust proxy', env.ROLECALL_TRUST_PROXY);
  app.use(securityHeaders());
  app.use(
    requestGuard({
      hostnames: serverHostnames(env),
      extraOrigins: [{ pathPrefix: CODEC_PATH, origins: env.ROLECALL_TEMPORAL_UI_ORIGINS }],
    }),
  );
  app.use(CODEC_PATH, codecCors(env.ROLECALL_TEMPORAL_UI_ORIGINS));
  app.use(jsonBody());
  app.use(jsonBodyErrors);
}
