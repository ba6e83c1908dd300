import { ErrorCode } from '@rolecall/presets';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Problem } from './problem.schema';
import { sendProblem } from './send-problem';

/** The largest request body accepted: a 300-node workflow graph is far smaller. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Keys that would reach an object's prototype when a parsed body is merged or assigned
 * (Object.assign, `target[key] = …`). Refused at parse time, so no code path ever sees them.
 */
const POLLUTING_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Also refuses NUL in strings: Postgres cannot store it in text or jsonb and would answer with an error. */
function refuseHostileValues(key: string, value: unknown): unknown {
  if (POLLUTING_KEYS.has(key)) throw new SyntaxError(`the key "${key}" is not allowed in a request body`);
  if (typeof value === 'string' && value.includes('\u0000')) throw new SyntaxError('NUL characters are not allowed');
  return value;
}

/** The only body parser: JSON objects and arrays up to MAX_BODY_BYTES, no prototype keys, no NUL. */
export function jsonBody(): RequestHandler {
  return express.json({ limit: MAX_BODY_BYTES, strict: true, type: 'application/json', reviver: refuseHostileValues });
}

/** body-parser's failures (it tags them with `type`) as problems; anything else is not ours. */
function bodyProblem(err: { type?: unknown }): Problem | undefined {
  switch (err.type) {
    case 'entity.too.large':
      return { status: 413, code: ErrorCode.PayloadTooLarge, message: `request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB` };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return { status: 415, code: ErrorCode.UnsupportedMediaType, message: 'send the body as uncompressed UTF-8 application/json' };
    case 'entity.parse.failed':
      // The parser's own message quotes the body, which may hold a secret: never echo it.
      return {
        status: 400,
        code: ErrorCode.ValidationFailed,
        message: `request body is not valid JSON, holds a NUL character or uses a reserved key (${[...POLLUTING_KEYS].join(', ')})`,
      };
    case 'request.aborted':
    case 'request.size.invalid':
      return { status: 400, code: ErrorCode.ValidationFailed, message: 'request body was cut short; send it again' };
    default:
      return undefined;
  }
}

/** Answers body-parser failures with problem JSON (never express' HTML page with a stack trace). */
export const jsonBodyErrors: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  const problem = err !== null && typeof err === 'object' ? bodyProblem(err) : undefined;
  if (!problem) return next(err);
  sendProblem(res, problem);
};
