import { ApplicationFailure } from '@temporalio/activity';
import { ErrorCode } from '@rolecall/presets';
import { createProbeWorkerActivity } from './probe-worker.activity';
import { createUserLoadActivities, type UserLoadPort } from './user-load.activity';

/** What activities need from the process that hosts the worker. */
export interface ActivityDeps {
  workerIdentity: string;
  /** Present in workers hosted by the server (embedded or standalone); absent in bare test workers. */
  userLoads?: UserLoadPort;
}

/** Builds every activity with its dependencies; the worker registers the result. */
export function createActivities(deps: ActivityDeps) {
  return {
    probeWorker: createProbeWorkerActivity(deps),
    ...createUserLoadActivities(deps.userLoads ?? unavailable('user loads')),
  };
}

/** A port for workers that cannot serve an activity family: calls fail at once, without retries. */
function unavailable(what: string): UserLoadPort {
  const fail = async (): Promise<never> => {
    throw ApplicationFailure.create({
      type: ErrorCode.DependencyUnavailable,
      message: `this worker cannot run ${what}: start it through the server`,
      nonRetryable: true,
    });
  };
  return { begin: fail, loadPages: fail, finish: fail, fail, recordWaiting: fail };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ProbeWorkerInput, ProbeWorkerResult } from './probe-worker.activity';
export type {
  BeginUserLoadInput,
  BeginUserLoadResult,
  FinishUserLoadInput,
  FinishUserLoadResult,
  LoadUserPagesInput,
  LoadUserPagesResult,
  UserLoadCounts,
  UserLoadPort,
} from './user-load.activity';
