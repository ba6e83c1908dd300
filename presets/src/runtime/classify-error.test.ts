import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-code';
import { github } from '../vendors/github';
import { lever } from '../vendors/lever';
import { litmos } from '../vendors/litmos';
import { planhat } from '../vendors/planhat';
import { scim } from '../vendors/scim';
import { classifyResponse, classifyTransportError, parseRetryAfter } from './classify-error';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const ctx = (preset = litmos, secrets: string[] = []) => ({ preset, operation: 'listUsers' as const, secrets, now: NOW });
const facts = (status: number, body: unknown = '', headers: Record<string, string> = {}) => ({
  status,
  headers,
  bodyText: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('classifyResponse', () => {
  it('treats Litmos 503 "rating limit exceeded" as rate limiting with a 60 s default wait', () => {
    const e = classifyResponse(facts(503, { Detail: 'Service Unavailable. The API rating limit has been exceeded.' }), ctx());
    expect(e).toMatchObject({ code: ErrorCode.VendorRateLimited, retryable: true, retryAfterMs: 60_000, status: 503 });
    expect(e.vendorMessage).toBe('Service Unavailable. The API rating limit has been exceeded.');
  });

  it('lets a Retry-After header override the Litmos default', () => {
    const e = classifyResponse(facts(503, { Detail: 'The API rating limit has been exceeded.' }, { 'retry-after': '7' }), ctx());
    expect(e.retryAfterMs).toBe(7_000);
  });

  it('treats a Litmos 503 without the rating-limit text as a vendor 5xx', () => {
    const e = classifyResponse(facts(503, { Detail: 'Service Unavailable' }), ctx());
    expect(e).toMatchObject({ code: ErrorCode.VendorServerError, retryable: true });
    expect(e.retryAfterMs).toBeUndefined();
  });

  it('treats 503 as a server error for vendors whose throttle signal is 429', () => {
    expect(classifyResponse(facts(503, 'The API rating limit has been exceeded'), ctx(lever)).code).toBe(ErrorCode.VendorServerError);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000);
    expect(parseRetryAfter(new Date(NOW + 5000).toUTCString(), NOW)).toBe(5000);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    const e = classifyResponse(facts(429, { code: 'TooManyRequests', message: 'slow down' }, { 'retry-after': '2' }), ctx(lever));
    expect(e).toMatchObject({ code: ErrorCode.VendorRateLimited, retryAfterMs: 2000, vendorMessage: 'slow down' });
  });

  it('treats GitHub 403 with x-ratelimit-remaining 0 as rate limiting until x-ratelimit-reset', () => {
    const reset = String(NOW / 1000 + 120);
    const e = classifyResponse(
      facts(403, { message: 'API rate limit exceeded for user ID 1.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }),
      ctx(github),
    );
    expect(e).toMatchObject({ code: ErrorCode.VendorRateLimited, retryable: true });
    expect(e.retryAfterMs).toBe(121_000);
  });

  it('treats GitHub 403 with budget left as forbidden, and a secondary limit as throttling', () => {
    const forbidden = classifyResponse(facts(403, { message: 'Must have admin rights' }, { 'x-ratelimit-remaining': '4000' }), ctx(github));
    expect(forbidden).toMatchObject({ code: ErrorCode.VendorForbidden, retryable: false });
    const secondary = classifyResponse(facts(403, { message: 'You have exceeded a secondary rate limit.' }), ctx(github));
    expect(secondary).toMatchObject({ code: ErrorCode.VendorRateLimited, retryAfterMs: 60_000 });
  });

  it('maps 401/403/404/4xx/5xx to codes; only 5xx is retryable', () => {
    expect(classifyResponse(facts(401), ctx())).toMatchObject({ code: ErrorCode.VendorAuthFailed, retryable: false });
    expect(classifyResponse(facts(403), ctx())).toMatchObject({ code: ErrorCode.VendorForbidden, retryable: false });
    expect(classifyResponse(facts(404), ctx())).toMatchObject({ code: ErrorCode.VendorNotFound, retryable: false });
    expect(classifyResponse(facts(409, { Detail: 'UserName already exists' }), ctx())).toMatchObject({
      code: ErrorCode.VendorBadRequest,
      retryable: false,
      vendorMessage: 'UserName already exists',
    });
    expect(classifyResponse(facts(502), ctx())).toMatchObject({ code: ErrorCode.VendorServerError, retryable: true });
  });

  it('extracts each vendor error body shape', () => {
    expect(classifyResponse(facts(400, { schemas: [], status: '400', scimType: 'invalidFilter', detail: 'bad filter' }), ctx(scim)).vendorMessage).toBe('bad filter');
    expect(classifyResponse(facts(400, 'plain words'), ctx(planhat)).vendorMessage).toBe('plain words');
    expect(classifyResponse(facts(500, '<html>oops</html>'), ctx(planhat)).vendorMessage).toBeUndefined();
  });

  it('redacts credential values the vendor echoes back', () => {
    const secret = 'k3y-that-leaks-123';
    const e = classifyResponse(facts(401, { Detail: `API key ${secret} is not valid` }), ctx(litmos, [secret]));
    expect(e.message).not.toContain(secret);
    expect(e.vendorMessage).not.toContain(secret);
    expect(e.vendorMessage).toContain('[REDACTED]');
  });
});

describe('classifyTransportError', () => {
  it('maps timeouts, connection failures and guard refusals', () => {
    expect(classifyTransportError({ code: 'ECONNABORTED' }, ctx(), 1000)).toMatchObject({ code: ErrorCode.VendorTimeout, retryable: true });
    expect(classifyTransportError({ code: 'ECONNREFUSED' }, ctx(), 1000)).toMatchObject({ code: ErrorCode.VendorUnreachable, retryable: true });
    const guard = Object.assign(new Error('host "x" resolves to a private address'), { code: 'ERR_HOST_NOT_ALLOWED' });
    expect(classifyTransportError(guard, ctx(), 1000)).toMatchObject({ code: ErrorCode.HostNotAllowed, retryable: false });
  });
});
