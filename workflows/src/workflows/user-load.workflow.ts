import { ApplicationFailure, condition, continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { UserLoadCounts } from '../activities/user-load.activity';
import { USER_LOAD_RETRY, userLoadContract, type DeactivationDecision, type UserLoadInput } from '../contracts/user-load.contract';

const retry = {
  initialInterval: USER_LOAD_RETRY.initialIntervalMs,
  backoffCoefficient: USER_LOAD_RETRY.backoffCoefficient,
  maximumInterval: USER_LOAD_RETRY.maximumIntervalMs,
};
// A page activity applies a few pages (one transaction each, progress stored with the page) so
// Temporal's per-activity overhead does not dominate; the preset runtime paces every request, and
// the server applies no more pages than the vendor's rate limit lets through within the timeout.
const { loadUserPages } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  // Activities heartbeat every 2 s: a killed worker's page is retried elsewhere within 10 s.
  heartbeatTimeout: '10 seconds',
  retry,
});
const { beginUserLoad, finishUserLoad, failUserLoad } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '10 seconds',
  retry,
});

/** Pages one activity applies at most. */
export const PAGES_PER_ACTIVITY = 10;
/** Activities per execution before continue-as-new: ~6 events each keeps history far below 10k. */
export const ACTIVITIES_PER_EXECUTION = 500;

/** What a load ends with: its counts, or nothing when another load of the integration was running. */
export type UserLoadResult = { status: 'completed'; counts: UserLoadCounts } | { status: 'skipped'; activeRunId: string };

/**
 * A user load: pages through the vendor via the preset runtime, maps and upserts each page
 * (one transaction per page, idempotent), then deactivates users missing from the source,
 * after an admin's confirmation when that would deactivate more than the integration allows.
 */
export async function userLoad(input: UserLoadInput): Promise<UserLoadResult> {
  let decision: DeactivationDecision | undefined;
  setHandler(userLoadContract.signals.deactivationDecision, (d) => {
    decision ??= d;
  });
  const begun = input.resume ?? (await beginUserLoad(input));
  if (begun.runId === null) return { status: 'skipped', activeRunId: begun.activeRunId };
  const { runId } = begun;

  const listed = await failingRun(runId, () => loadActivities(runId, input));
  // Outside the try: continue-as-new ends this execution by throwing, which is no failure of the run.
  if (!listed) return continueAsNew<typeof userLoad>({ ...input, resume: { runId } });

  return failingRun(runId, async () => {
    let finished = await finishUserLoad({ runId });
    if (finished.status === 'awaiting_confirmation') {
      await condition(() => decision !== undefined);
      finished = await finishUserLoad({ runId, ...(decision ? { decision } : {}) });
    }
    if (finished.status !== 'completed') throw ApplicationFailure.nonRetryable(`run ${runId} is still awaiting confirmation after a decision`);
    return { status: 'completed' as const, counts: finished.counts };
  });
}

/** This execution's share of page activities; true once the vendor listing is exhausted. */
async function loadActivities(runId: string, input: UserLoadInput): Promise<boolean> {
  const maxPages = input.pagesPerActivity ?? PAGES_PER_ACTIVITY;
  for (let activities = 0; activities < (input.activitiesPerExecution ?? ACTIVITIES_PER_EXECUTION); activities++) {
    if ((await loadUserPages({ runId, maxPages })).done) return true;
  }
  return false;
}

/** Marks the run failed (with the innermost message) when a step fails for good. */
async function failingRun<T>(runId: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    const message = err instanceof Error ? causeMessage(err) : String(err);
    await failUserLoad({ runId, message });
    throw err;
  }
}

/** Activity failures wrap the vendor's message in `cause`; show the innermost one. */
function causeMessage(err: Error): string {
  let current: Error = err;
  while (current.cause instanceof Error) current = current.cause;
  return current.message;
}
