// The bench's baseline (npm run bench -- engine, figure d): "deactivate Litmos users inactive for a
// year" written by hand as a plain Temporal workflow, making the same vendor calls as the compiled
// graph (one listing, one PUT per target) without the engine's ledger, records or inventory writes.
import { proxyActivities } from '@temporalio/workflow';

export interface HandwrittenActivities {
  listStaleTargets(): Promise<string[]>;
  deactivateTargets(ids: string[]): Promise<number>;
}

const { listStaleTargets, deactivateTargets } = proxyActivities<HandwrittenActivities>({
  startToCloseTimeout: '1 hour',
  retry: { maximumAttempts: 3 },
});

const BATCH = 500;

export async function handwrittenDeactivation(): Promise<number> {
  const targets = await listStaleTargets();
  let done = 0;
  for (let i = 0; i < targets.length; i += BATCH) done += await deactivateTargets(targets.slice(i, i + BATCH));
  return done;
}
