import { ApplicationFailure, continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { BeginUserLoadInput, UserLoadCounts } from '../activities/user-load.activity';

// One vendor request per page activity; the preset runtime paces requests and waits out
// throttling itself, so a page may take a while at low vendor limits.
const { loadUserPage } = proxyActivities<Activities>({
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

/** Pages per execution before continue-as-new: ~4 events a page keeps history far below 10k. */
export const PAGES_PER_EXECUTION = 1000;

export interface UserLoadInput extends BeginUserLoadInput {
  /** Carried across continue-as-new. */
  resume?: { runId: string; pageIndex: number; cursor?: string };
}

/**
 * A user load: pages through the vendor via the preset runtime, maps and upserts each page
 * (one transaction per page, idempotent), then deactivates users missing from the source.
 */
export async function userLoad(input: UserLoadInput): Promise<UserLoadCounts> {
  const runId = input.resume?.runId ?? (await beginUserLoad(input)).runId;
  let pageIndex = input.resume?.pageIndex ?? 0;
  let cursor = input.resume?.cursor;
  try {
    for (let pagesThisExecution = 0; ; pagesThisExecution++) {
      if (pagesThisExecution === PAGES_PER_EXECUTION) {
        await continueAsNew<typeof userLoad>({ ...input, resume: { runId, pageIndex, ...(cursor ? { cursor } : {}) } });
      }
      const page = await loadUserPage({ runId, pageIndex, ...(cursor ? { cursor } : {}) });
      pageIndex++;
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
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
