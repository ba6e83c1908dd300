import { Context } from '@temporalio/activity';
import { hostname } from 'node:os';

export interface ProbeWorkerInput {
  /** Echoed back so a caller can tell its own probe from another's. */
  nonce: string;
}

export interface ProbeWorkerResult {
  nonce: string;
  workerIdentity: string;
  hostname: string;
  pid: number;
  taskQueue: string;
  attempt: number;
}

/**
 * Reports which worker process ran it. The connectivity check uses this to prove that the
 * chain API → Temporal → worker → activity works, and where the activity actually ran.
 */
export function createProbeWorkerActivity(deps: { workerIdentity: string }) {
  return async function probeWorker(input: ProbeWorkerInput): Promise<ProbeWorkerResult> {
    const info = Context.current().info;
    return {
      nonce: input.nonce,
      workerIdentity: deps.workerIdentity,
      hostname: hostname(),
      pid: process.pid,
      taskQueue: info.taskQueue,
      attempt: info.attempt,
    };
  };
}
