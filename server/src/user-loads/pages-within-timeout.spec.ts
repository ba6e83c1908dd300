import { describe, expect, it } from 'vitest';
import { pagesWithinTimeout } from './pages-within-timeout';

const TEN_MINUTES = 600_000;

describe('pages one activity applies', () => {
  it('applies all of them when the vendor is fast', () => {
    expect(pagesWithinTimeout(10, { requests: 100, perMs: 60_000 }, TEN_MINUTES)).toBe(10);
  });

  it('applies only what half the timeout holds at a low rate limit', () => {
    // One request a minute: 5 pages take 5 of the 10 minutes; 10 pages would time out.
    expect(pagesWithinTimeout(10, { requests: 1, perMs: 60_000 }, TEN_MINUTES)).toBe(5);
  });

  it('always applies one page, however slow the vendor', () => {
    expect(pagesWithinTimeout(10, { requests: 1, perMs: 3_600_000 }, TEN_MINUTES)).toBe(1);
  });
});
