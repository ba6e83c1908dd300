import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities, ProbeWorkerResult } from '../activities';

const { probeWorker } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 3 },
});

export interface ConnectivityCheckResult {
  workflowId: string;
  probe: ProbeWorkerResult;
}

/** Round-trips one activity through a worker; used by diagnostics and the end-to-end test. */
export async function connectivityCheck(nonce: string): Promise<ConnectivityCheckResult> {
  const probe = await probeWorker({ nonce });
  return { workflowId: workflowInfo().workflowId, probe };
}
