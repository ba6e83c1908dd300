import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { BatchRecord, OutcomeRow } from '../activities/engine-ports';
import type { RunMode } from '../contracts/run-graph.contract';
// The interpreter's pure pieces, imported one by one: the graph index also reaches the preset
// catalog, whose module init uses structuredClone, which the workflow sandbox does not have.
import type { Ir, IrNode } from '../graph';
import { step } from '../graph/ir/step';
import { evaluateRule } from '../graph/rules/evaluate-rule';
import { BOOKKEEPING_RETRY, VENDOR_RETRY } from './engine-retry';

const { loadBatch, recordOutcomes } = proxyActivities<Activities>({ startToCloseTimeout: '2 minutes', retry: BOOKKEEPING_RETRY });
// Role Retrieval: reads only, so retrying is always safe; throttles and 5xx come back with the
// vendor's Retry-After as the next delay, 4xx (but 429) end the record's walk on `error` instead.
const { retrieveRoles } = proxyActivities<Activities>({ startToCloseTimeout: '2 hours', heartbeatTimeout: '10 seconds', retry: VENDOR_RETRY });
// API: every vendor write goes through the ledger, so a retry repeats nothing already done.
// Paced at the vendor's limit, a batch of writes can take minutes; heartbeats detect a dead worker.
const { applyAction } = proxyActivities<Activities>({ startToCloseTimeout: '2 hours', heartbeatTimeout: '10 seconds', retry: VENDOR_RETRY });

export interface RunBatchInput {
  runId: string;
  ir: Ir;
  mode: RunMode;
  /** The run's clock for rules. */
  startedAt: string;
  /** Vendor reads come from the run's snapshot. */
  fromSnapshot: boolean;
  after: string | null;
  limit: number;
  /** Destructive nodes allowed to act in this pass; records reaching any other one are held there. */
  cleared: string[];
}

export interface RunBatchResult {
  count: number;
  lastId: string | null;
  /** Records held per destructive node (dry run: every API node): who it would hit. */
  held: Record<string, number>;
}

const targetOf = (w: Walker) => ({ saasUserId: w.record.saasUserId, externalId: w.record.facts.saasUser.externalId });

interface Walker {
  record: BatchRecord;
  /** The node the record is at; undefined once it reached an End or is held. */
  at: string | undefined;
}

/**
 * Walks one batch of the population through the IR. All records move in lockstep, node by node,
 * so each effect node costs one activity per batch, not one per record. Rule nodes are evaluated
 * here (pure, replay-safe with the run's fixed clock). Outcomes stored earlier in the run (a
 * restarted batch, a later pass) are reused instead of recomputed.
 */
export async function runBatch(input: RunBatchInput): Promise<RunBatchResult> {
  const { runId, ir } = input;
  const records = await loadBatch({ runId, after: input.after, limit: input.limit });
  const now = new Date(input.startedAt);
  const rows: OutcomeRow[] = [];
  const held: Record<string, number> = {};
  const flush = async () => {
    if (rows.length) await recordOutcomes({ runId, rows: rows.splice(0) });
  };
  const move = (walker: Walker, from: string, outcome: string) => {
    const next = step(ir, from, outcome);
    walker.at = next.done ? undefined : next.nodeId;
    if (next.done) rows.push({ nodeId: next.endNodeId, block: 'end', saasUserId: walker.record.saasUserId, state: 'done', outcome: 'end' });
  };
  const holds = (nodeId: string) => input.mode === 'dryRun' || (ir.destructive.some((d) => d.nodeId === nodeId) && !input.cleared.includes(nodeId));

  const walkers: Walker[] = records.map((record) => ({ record, at: ir.entry }));
  for (const w of walkers) move(w, ir.entry, 'next');
  for (;;) {
    const groups = new Map<string, Walker[]>();
    for (const w of walkers) if (w.at !== undefined) groups.set(w.at, [...(groups.get(w.at) ?? []), w]);
    if (groups.size === 0) break;
    for (const [nodeId, group] of groups) {
      const node = ir.nodes[nodeId] as Exclude<IrNode, { type: 'begin' | 'end' }>;
      const fresh: Walker[] = [];
      for (const w of group) {
        const prior = w.record.prior[nodeId];
        if (!prior) {
          fresh.push(w);
          continue;
        }
        if (prior.retrieval) w.record.facts.retrieval = prior.retrieval;
        move(w, nodeId, prior.outcome);
      }
      if (fresh.length === 0) continue;
      const targets = fresh.map(targetOf);
      const byId = new Map(fresh.map((w) => [w.record.saasUserId, w]));
      if (node.type === 'rule') {
        for (const w of fresh) {
          const { matched, clauses } = evaluateRule(node.config, w.record.facts, { now });
          const outcome = matched ? 'true' : 'false';
          rows.push({ nodeId, block: 'rule', saasUserId: w.record.saasUserId, state: 'done', outcome, detail: { clauses } });
          move(w, nodeId, outcome);
        }
      } else if (node.type === 'roleRetrieval') {
        // Outcomes so far are stored first: a batch restarted after this effect sees the same path.
        await flush();
        const records = fresh.map((w) => ({ ...targetOf(w), role: w.record.facts.saasUser.role ?? null }));
        const results = await retrieveRoles({ runId, nodeId, config: node.config, records, fromSnapshot: input.fromSnapshot, dryRun: input.mode === 'dryRun' });
        for (const r of results) {
          const w = byId.get(r.saasUserId)!;
          w.record.facts.retrieval = { found: r.outcome === 'found', role: r.role };
          move(w, nodeId, r.outcome);
        }
      } else if (holds(nodeId)) {
        for (const w of fresh) {
          rows.push({ nodeId, block: 'api', saasUserId: w.record.saasUserId, state: 'held', outcome: null });
          w.at = undefined;
        }
        held[nodeId] = (held[nodeId] ?? 0) + fresh.length;
      } else {
        await flush();
        const results = await applyAction({ runId, nodeId, config: node.config, records: targets, fromSnapshot: input.fromSnapshot });
        for (const r of results) move(byId.get(r.saasUserId)!, nodeId, r.outcome);
      }
    }
  }
  await flush();
  return { count: records.length, lastId: records.at(-1)?.saasUserId ?? null, held };
}
