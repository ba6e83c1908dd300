import type { Ir, IrNode } from './ir.schema';

/** Where a record goes next: another node to run, or the End it finished at. */
export type IrStep = { done: false; nodeId: string; node: Exclude<IrNode, { type: 'end' }> } | { done: true; endNodeId: string };

/**
 * The node `outcome` of `nodeId` leads to. Throws when the node or outcome does not exist: the
 * interpreter asked for something the IR cannot contain, which is a bug, not a data problem.
 */
export function nextNode(ir: Ir, nodeId: string, outcome: string): string {
  const node = ir.nodes[nodeId];
  if (!node) throw new Error(`IR has no node "${nodeId}"`);
  const target = (node.next as Record<string, string>)[outcome];
  if (target === undefined) throw new Error(`node "${nodeId}" (${node.type}) has no outcome "${outcome}"`);
  return target;
}

/**
 * One move of the interpreter: from `nodeId` along `outcome`. Start with
 * `step(ir, ir.entry, 'next')`, run the returned node, and step again with its outcome until
 * `done`. Pure and deterministic, so workflow code can call it.
 */
export function step(ir: Ir, nodeId: string, outcome: string): IrStep {
  const target = nextNode(ir, nodeId, outcome);
  const node = ir.nodes[target];
  if (!node) throw new Error(`IR has no node "${target}"`);
  return node.type === 'end' ? { done: true, endNodeId: target } : { done: false, nodeId: target, node };
}
