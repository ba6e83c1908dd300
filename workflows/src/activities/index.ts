import { ApplicationFailure } from '@temporalio/activity';
import { ErrorCode } from '@rolecall/presets';
import { createApplyActionActivity } from './apply-action.activity';
import type { EnginePorts } from './engine-ports';
import { createProbeWorkerActivity } from './probe-worker.activity';
import { createRetrieveRolesActivity } from './retrieve-roles.activity';
import { createRunLifecycleActivities } from './run-lifecycle.activity';
import { createTakeSnapshotActivity } from './take-snapshot.activity';
import { createUserLoadActivities, type UserLoadPort } from './user-load.activity';

/** What activities need from the process that hosts the worker. */
export interface ActivityDeps {
  workerIdentity: string;
  /** Present in workers hosted by the server (embedded or standalone); absent in bare test workers. */
  userLoads?: UserLoadPort;
  /** The workflow engine's ports, likewise server-provided. */
  engine?: EnginePorts;
}

/** Builds every activity with its dependencies; the worker registers the result. */
export function createActivities(deps: ActivityDeps) {
  const engine = deps.engine ?? unavailableEngine();
  return {
    probeWorker: createProbeWorkerActivity(deps),
    ...createUserLoadActivities(deps.userLoads ?? unavailableUserLoads()),
    ...createRunLifecycleActivities(engine.runs),
    takeSnapshot: createTakeSnapshotActivity(engine),
    retrieveRoles: createRetrieveRolesActivity(engine),
    applyAction: createApplyActionActivity(engine),
  };
}

/** What a worker that cannot serve an activity family answers: at once, without retries. */
function unavailable(what: string): () => Promise<never> {
  return async () => {
    throw ApplicationFailure.create({
      type: ErrorCode.DependencyUnavailable,
      message: `this worker cannot run ${what}: start it through the server`,
      nonRetryable: true,
    });
  };
}

function unavailableUserLoads(): UserLoadPort {
  const fail = unavailable('user loads');
  return { begin: fail, loadPages: fail, finish: fail, fail, recordWaiting: fail };
}

function unavailableEngine(): EnginePorts {
  const no = unavailable('workflow runs');
  return {
    runs: { begin: no, page: no, record: no, awaitApproval: no, finish: no },
    ledger: { claim: no, release: no, complete: no },
    vendors: { open: no },
    snapshots: { store: no, find: no },
    inventory: { setRole: no, markMissing: no },
  };
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
export type * from './engine-ports';
