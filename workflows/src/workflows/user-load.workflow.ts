import { ApplicationFailure, continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { UserLoadCounts } from '../activities/user-load.activity';
import type { UserLoadInput } from '../contracts/user-load.contract';

// A page activity applies a few pages (one transaction each, progress stored with the page) so
// Temporal's per-activity overhead does not dominate; the preset runtime paces every request.
const { loadUserPages } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  // Activities heartbeat every 2 s: a killed worker's page is retried elsewhere within 10 s.
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 8 },
});
const { beginUserLoad, finishUserLoad, failUserLoad } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/** Pages one activity applies at most. */
export const PAGES_PER_ACTIVITY = 10;
/** Activities per execution before continue-as-new: ~6 events each keeps history far below 10k. */
export const ACTIVITIES_PER_EXECUTION = 500;

/**
 * A user load: pages through the vendor via the preset runtime, maps and upserts each page
 * (one transaction per page, idempotent), then deactivates users missing from the source.
 */
export async function userLoad(input: UserLoadInput): Promise<UserLoadCounts> {
  const runId = input.resume?.runId ?? (await beginUserLoad(input)).runId;
  try {
    for (let activities = 0; ; activities++) {
      if (activities === ACTIVITIES_PER_EXECUTION) await continueAsNew<typeof userLoad>({ ...input, resume: { runId } });
      const { done } = await loadUserPages({ runId, maxPages: PAGES_PER_ACTIVITY });
      if (done) break;
    }
    return await finishUserLoad({ runId });
  } catch (err) {
    const message = err instanceof ApplicationFailure || err instanceof Error ? causeMessage(err) : String(err);
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
