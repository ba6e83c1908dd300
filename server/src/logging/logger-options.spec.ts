import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../config/env';
import { loggerOptions } from './logger-options';

function captureLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const options = loggerOptions(loadEnv({})).pinoHttp as pino.LoggerOptions;
  return { logger: pino({ redact: options.redact }, sink), lines };
}

describe('log redaction', () => {
  it('censors credentials in request headers and secret-named fields', () => {
    const { logger, lines } = captureLogger();
    logger.info({
      req: { headers: { authorization: 'Bearer tok-abcdef123456', apikey: 'litmos-key-987654', cookie: 'sid=zzz-secret' } },
      body: { password: 'hunter2-long', apiKey: 'k-555555555', token: 't-777777777', name: 'kept' },
    });
    const out = lines.join('');
    for (const secret of ['tok-abcdef123456', 'litmos-key-987654', 'zzz-secret', 'hunter2-long', 'k-555555555', 't-777777777']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[REDACTED]');
    expect(out).toContain('kept');
  });
});
