import { describe, expect, it } from 'vitest';
import { loadRunOutcome } from './load-run-outcome';

describe('loadRunOutcome', () => {
  it('completes plainly up to the share of skipped or failed records, and with a warning beyond it', () => {
    expect(loadRunOutcome({ fetched: 10, skipped: 3, failed: 2 }, 0.5)).toEqual({ status: 'completed', warning: null });
    expect(loadRunOutcome({ fetched: 10, skipped: 4, failed: 2 }, 0.5)).toEqual({
      status: 'completed_with_warnings',
      warning: '6 of 10 records (more than 50 %) fetched were skipped or failed; the error log says why',
    });
  });

  it('warns when every record was skipped, and not about an empty listing', () => {
    expect(loadRunOutcome({ fetched: 4, skipped: 4, failed: 0 }, 1).status).toBe('completed');
    expect(loadRunOutcome({ fetched: 4, skipped: 4, failed: 0 }, 0.5).warning).toBe('every one of the 4 records fetched were skipped or failed; the error log says why');
    expect(loadRunOutcome({ fetched: 0, skipped: 0, failed: 0 }, 0)).toEqual({ status: 'completed', warning: null });
  });
});
