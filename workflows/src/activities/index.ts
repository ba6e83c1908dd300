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
    throw Object.assign(new Error(`this worker cannot run ${what}: start it through the server`), {
      code: 'DEPENDENCY_UNAVAILABLE',
      retryable: false,
    });
  };
  return { begin: fail, loadPages: fail, finish: fail, fail };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ProbeWorkerInput, ProbeWorkerResult } from './probe-worker.activity';
export type {
  BeginUserLoadInput,
  LoadUserPagesInput,
  LoadUserPagesResult,
  UserLoadCounts,
  UserLoadPort,
} from './user-load.activity';
