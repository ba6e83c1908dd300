import { createProbeWorkerActivity } from './probe-worker.activity';

/** What activities need from the process that hosts the worker. */
export interface ActivityDeps {
  workerIdentity: string;
}

/** Builds every activity with its dependencies; the worker registers the result. */
export function createActivities(deps: ActivityDeps) {
  return {
    probeWorker: createProbeWorkerActivity(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ProbeWorkerInput, ProbeWorkerResult } from './probe-worker.activity';
