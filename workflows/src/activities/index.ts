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
    ...createUserLoadActivities(deps.userLoads ?? unavailable('user loads')),
    ...createRunLifecycleActivities(engine.runs),
    takeSnapshot: createTakeSnapshotActivity(engine),
    retrieveRoles: createRetrieveRolesActivity(engine),
    applyAction: createApplyActionActivity(engine),
  };
}

const fail = async (what: string): Promise<never> => {
  throw Object.assign(new Error(`this worker cannot run ${what}: start it through the server`), {
    code: 'DEPENDENCY_UNAVAILABLE',
    retryable: false,
  });
};

/** A port for workers that cannot serve an activity family: calls fail at once, without retries. */
function unavailable(what: string): UserLoadPort {
  const no = () => fail(what);
  return { begin: no, loadPages: no, finish: no, fail: no };
}

function unavailableEngine(): EnginePorts {
  const no = () => fail('workflow runs');
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
  LoadUserPagesInput,
  LoadUserPagesResult,
  UserLoadCounts,
  UserLoadPort,
} from './user-load.activity';
export type * from './engine-ports';
