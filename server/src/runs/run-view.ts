import { isLaunchedNumber } from '../workflows/workflow-version.entity';
import type { RunRecord } from './run-record.entity';
import type { RunWithVersion } from './run.repository';
import type { RunRecordView, RunView } from './runs.schema';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A run with its per-node counts; `done` = records whose walk reached an End. */
export function toRunView(run: RunWithVersion, counts: readonly { nodeId: string; outcome: string; n: number }[], endNodes: ReadonlySet<string>): RunView {
  const nodes: RunView['nodes'] = {};
  let done = 0;
  for (const c of counts) {
    nodes[c.nodeId] = { ...nodes[c.nodeId], [c.outcome]: c.n };
    if (endNodes.has(c.nodeId)) done += c.n;
  }
  return {
    id: run.id,
    workflowId: run.workflowId,
    versionId: run.versionId,
    versionNumber: isLaunchedNumber(run.versionNumber) ? run.versionNumber : null,
    mode: run.mode,
    trigger: run.trigger,
    status: run.status,
    awaitingApproval: run.awaitingNodes,
    progress: { total: run.populationTotal, done },
    nodes,
    message: run.message,
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
  };
}

export function toRunRecordView(r: RunRecord): RunRecordView {
  return {
    nodeId: r.nodeId,
    block: r.block,
    saasUserId: r.saasUserId,
    externalId: r.externalId,
    email: r.email,
    outcome: r.state === 'done' ? (r.outcome ?? 'done') : r.state,
    vendorStatus: r.vendorStatus,
    message: r.message,
    detail: r.detail,
    at: r.updatedAt.toISOString(),
  };
}
