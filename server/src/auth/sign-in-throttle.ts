import { Injectable } from '@nestjs/common';

/** Failed sign-ins one address may make per window before it must wait. */
export const FAILURES_PER_ADDRESS = 20;
export const ADDRESS_WINDOW_MS = 10 * 60_000;

/**
 * Slows password guessing across many accounts from one address (the per-account lockout stops
 * guessing one account). In memory, per process: a restart forgets, which costs an attacker a
 * restart they cannot cause; several API processes each allow their own budget.
 */
@Injectable()
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  /** Milliseconds until `address` may try again, or 0. */
  waitFor(address: string, now = Date.now()): number {
    const recent = this.recent(address, now);
    return recent.length < FAILURES_PER_ADDRESS ? 0 : recent[0]! + ADDRESS_WINDOW_MS - now;
  }

  fail(address: string, now = Date.now()): void {
    this.failures.set(address, [...this.recent(address, now), now]);
  }

  private recent(address: string, now: number): number[] {
    const kept = (this.failures.get(address) ?? []).filter((t) => t > now - ADDRESS_WINDOW_MS);
    if (kept.length === 0) this.failures.delete(address);
    else this.failures.set(address, kept);
    return kept;
  }
}
