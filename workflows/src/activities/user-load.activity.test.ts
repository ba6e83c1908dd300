import { ErrorCode, PresetError } from '@rolecall/presets';
import { ApplicationFailure } from '@temporalio/activity';
import { describe, expect, it } from 'vitest';
import { nextRetryDelayMs, toActivityFailure, waitingReason } from './user-load.activity';

/** What the server's DomainError looks like from here: its class lives in another package. */
function domainError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'DomainError', code });
}

describe('activity failure classification', () => {
  it('retries a driver error whatever string code it carries (a deadlock is not one of our codes)', () => {
    const deadlock = Object.assign(new Error('deadlock detected'), { name: 'QueryFailedError', code: '40P01' });
    expect(toActivityFailure(deadlock)).toMatchObject({ type: ErrorCode.Internal, nonRetryable: false, message: 'deadlock detected' });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toActivityFailure(refused).nonRetryable).toBe(false);
  });

  it('fails our own errors at once unless their code or the error itself says waiting helps', () => {
    expect(toActivityFailure(domainError(ErrorCode.Conflict, 'not listed yet'))).toMatchObject({ type: ErrorCode.Conflict, nonRetryable: true });
    expect(toActivityFailure(domainError(ErrorCode.DependencyUnavailable, 'database down')).nonRetryable).toBe(false);
    const throttled = new PresetError({ code: ErrorCode.VendorRateLimited, message: 'slow down', retryable: true, retryAfterMs: 30_000 });
    expect(toActivityFailure(throttled)).toMatchObject({ type: ErrorCode.VendorRateLimited, nonRetryable: false, nextRetryDelay: 30_000 });
    const refused = new PresetError({ code: ErrorCode.VendorAuthFailed, message: 'bad key', retryable: false });
    expect(toActivityFailure(refused).nonRetryable).toBe(true);
  });

  it('does not take a look-alike with an unknown code for one of ours', () => {
    expect(toActivityFailure(domainError('23505', 'duplicate key')).nonRetryable).toBe(false);
  });

  it('says what the run waits for, which attempt comes next and when', () => {
    const outage = ApplicationFailure.create({ type: ErrorCode.VendorServerError, message: 'HTTP 500' });
    expect(nextRetryDelayMs(outage, 3)).toBe(8_000);
    expect(nextRetryDelayMs(outage, 20)).toBe(120_000);
    expect(waitingReason(outage, 3)).toBe('vendor unavailable, retrying (attempt 4, next in 8s): HTTP 500');
  });
});
