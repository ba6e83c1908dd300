import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Env } from '../config/env';

/**
 * Paths pino censors in every log line. Credentials travel in these headers and fields; the
 * list errs on the side of hiding too much.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers.apikey',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.apiKey',
  '*.apikey',
  '*.token',
  '*.accessToken',
  '*.masterKey',
  '*.fields',
  // Decrypted credential values (CredentialsService.resolveForUse, createPresetClient options).
  '*.credentials',
  '*.ciphertext',
];

/** `stream` replaces stdout as the log destination (tests read every line the server writes). */
export function loggerOptions(env: Env, stream?: DestinationStream): Params {
  return {
    // Nest 11's router wants named wildcards; nestjs-pino's default '*' triggers a warning.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: env.LOG_LEVEL,
      redact: { paths: REDACTED_LOG_PATHS, censor: '[REDACTED]' },
      // Health probes every few seconds would drown the log.
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      ...(stream ? { stream } : {}),
    },
  };
}
