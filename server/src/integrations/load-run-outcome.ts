import type { LoadRunStatus } from './integrations.schema';

/** How a load that listed every page ends, and why when it needs a look. */
export interface LoadRunOutcome {
  status: Extract<LoadRunStatus, 'completed' | 'completed_with_warnings'>;
  warning: string | null;
}

/**
 * A load that wrote almost nothing usually means a wrong setting (preference, sync key, mapping),
 * not a quiet day: more than `warnShare` of the fetched records skipped or failed is a warning.
 */
export function loadRunOutcome(run: { fetched: number; skipped: number; failed: number }, warnShare: number): LoadRunOutcome {
  const notApplied = run.skipped + run.failed;
  if (run.fetched === 0 || notApplied <= run.fetched * warnShare) return { status: 'completed', warning: null };
  const share = `more than ${Math.round(warnShare * 100)} %`;
  const what = notApplied === run.fetched ? `every one of the ${run.fetched} records` : `${notApplied} of ${run.fetched} records (${share})`;
  return { status: 'completed_with_warnings', warning: `${what} fetched were skipped or failed; the error log says why` };
}
