import {
  ApplicationFailure,
  CancellationScope,
  condition,
  ContinueAsNew,
  continueAsNew,
  executeChild,
  isCancellation,
  patched,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { approveSignal, progressQuery, runGraphContract, type RunGraphInput, type RunGraphResume } from '../contracts/run-graph.contract';
import type { Ir } from '../graph';
import { capLimit } from '../graph/blocks/cap.schema';
import { BOOKKEEPING_RETRY, VENDOR_RETRY } from './engine-retry';
import { runBatch } from './run-batch.workflow';

const { beginRun, awaitApproval, finishRun } = proxyActivities<Activities>({ startToCloseTimeout: '2 minutes', retry: BOOKKEEPING_RETRY });
// One paginated listing of the vendor per credential; resumes at its last page after a kill.
const { takeSnapshot } = proxyActivities<Activities>({ startToCloseTimeout: '6 hours', heartbeatTimeout: '30 seconds', retry: VENDOR_RETRY });

/** Records per runBatch child: its history stays around a hundred events, its payloads far below Temporal's limits. */
export const BATCH_SIZE = 500;
/**
 * Children per execution before continue-as-new: about 7 events each keeps a parent execution
 * around 150 events, and a 20k-user run already continues as new (tests see the chain).
 */
export const BATCHES_PER_EXECUTION = 20;
/**
 * From this population size on, vendor reads come from one paginated listing per run
 * (O(N / page size) requests) instead of one GET per record. Event-triggered runs act on one
 * user or one person's few users and always GET.
 */
export const SNAPSHOT_MIN_POPULATION = 50;
/** Patch id of the cap's one-user floor (`capLimit`): histories from before it replay without. */
const CAP_FLOOR_OF_ONE_USER = 'cap-floor-of-one-user';

/** Credentials of the blocks that read vendor users; each gets one listing when the run snapshots. */
function vendorCredentials(ir: Ir): string[] {
  const ids = Object.values(ir.nodes).flatMap((n) => (n.type === 'roleRetrieval' || n.type === 'api' ? [n.config.credentialId] : []));
  return [...new Set(ids)].sort();
}

/**
 * A run of a launched version: the population (Begin rules, applied in SQL) in keyset-paged batches
 * of child workflows, in passes. A pass holds the records that reach a destructive node not yet
 * cleared; after it, nodes within their cap are cleared at once, those over it wait for approval
 * (status awaiting_approval), and the next pass lets them act, reusing every stored outcome. A
 * dry run ends after the first pass: the held records are exactly who each block would hit.
 */
export async function runGraph(input: RunGraphInput): Promise<void> {
  const run = await beginRun({
    versionId: input.versionId,
    trigger: input.trigger,
    mode: input.mode,
    ...((input.resume?.runId ?? input.runId) ? { runId: input.resume?.runId ?? input.runId } : {}),
  });
  const fromSnapshot = run.trigger.kind !== 'event' && run.populationTotal >= SNAPSHOT_MIN_POPULATION;
  let state: RunGraphResume = input.resume ?? { runId: run.runId, pass: 0, after: null, batch: 0, cleared: [], held: {} };
  let awaiting: string[] = [];
  let approved = false;
  setHandler(approveSignal, () => {
    approved = awaiting.length > 0;
  });
  setHandler(progressQuery, () => ({ pass: state.pass, batch: state.batch, held: state.held, awaitingApproval: awaiting }));

  try {
    if (fromSnapshot && state.pass === 0 && state.batch === 0) {
      for (const credentialId of vendorCredentials(run.ir)) await takeSnapshot({ runId: run.runId, credentialId });
    }
    for (let children = 0; ; ) {
      for (;;) {
        if (children++ === BATCHES_PER_EXECUTION) await continueAsNew<typeof runGraph>({ ...input, resume: state });
        const batch = await executeChild(runBatch, {
          workflowId: runGraphContract.ids.batch(run.runId, String(state.pass), String(state.batch)),
          args: [{ runId: run.runId, ir: run.ir, mode: run.mode, startedAt: run.startedAt, fromSnapshot, after: state.after, limit: BATCH_SIZE, cleared: state.cleared }],
        });
        const held = { ...state.held };
        for (const [nodeId, n] of Object.entries(batch.held)) held[nodeId] = (held[nodeId] ?? 0) + n;
        state = { ...state, batch: state.batch + 1, after: batch.lastId ?? state.after, held };
        if (batch.count < BATCH_SIZE) break;
      }
      const waiting = Object.keys(state.held).filter((nodeId) => !state.cleared.includes(nodeId)).sort();
      if (waiting.length === 0 || run.mode === 'dryRun') break;
      // Runs recorded before the cap had a floor of one user replay with the old rule.
      const floor = patched(CAP_FLOOR_OF_ONE_USER) ? 1 : 0;
      const overCap = waiting.filter((nodeId) => {
        const cap = run.ir.destructive.find((d) => d.nodeId === nodeId)?.cap ?? {};
        return (state.held[nodeId] ?? 0) > capLimit(cap, run.populationTotal, floor);
      });
      if (overCap.length > 0) {
        awaiting = overCap;
        await awaitApproval({ runId: run.runId, nodeIds: overCap });
        await condition(() => approved);
        awaiting = [];
        await awaitApproval({ runId: run.runId, nodeIds: [] });
      }
      state = { ...state, pass: state.pass + 1, after: null, batch: 0, cleared: [...state.cleared, ...waiting], held: {} };
    }
    await finishRun({ runId: run.runId, end: 'completed' });
  } catch (err) {
    // Continuing as new is how a long run goes on, not an end.
    if (err instanceof ContinueAsNew) throw err;
    if (isCancellation(err)) {
      await CancellationScope.nonCancellable(() => finishRun({ runId: run.runId, end: 'cancelled' }));
    } else {
      await finishRun({ runId: run.runId, end: 'failed', message: innermostMessage(err) });
    }
    throw err;
  }
}

/** Child and activity failures wrap the vendor's message in `cause`; an admin wants the innermost one. */
function innermostMessage(err: unknown): string {
  let current: unknown = err;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof ApplicationFailure || current instanceof Error ? current.message : String(current);
}
