import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';

/** Failed sign-ins one address may make per window before it must wait. */
export const FAILURES_PER_ADDRESS = 20;
export const ADDRESS_WINDOW_MS = 10 * 60_000;
/** The audit action every failed sign-in writes, with its `address` in the details. */
export const SIGN_IN_FAILED = 'auth.sign_in_failed';

/**
 * Slows password guessing across many accounts from one address (the per-account lockout stops
 * guessing one account). It counts the failed sign-ins the audit trail already records, so every
 * API process and a restart see the same budget.
 */
@Injectable()
export class SignInThrottle {
  constructor(private readonly audit: AuditService) {}

  /** Milliseconds until `address` may try again, or 0. */
  async waitFor(address: string, now = Date.now()): Promise<number> {
    const { count, oldest } = await this.audit.countRecent(SIGN_IN_FAILED, { key: 'address', value: address }, new Date(now - ADDRESS_WINDOW_MS));
    return count < FAILURES_PER_ADDRESS || !oldest ? 0 : Math.max(1, oldest.getTime() + ADDRESS_WINDOW_MS - now);
  }
}
