import { blockOf } from '../blocks/block-registry';
import type { DraftNode, GraphDraft } from '../graph.schema';
import { CompileErrorCode } from './compile-error.schema';
import type { CompileError } from './compile-error.schema';
import { resolveHandle } from './resolve-handle';

/** The graph as the later compile steps walk it: only nodes of known types and the edges that passed. */
export type GraphIndex = {
  nodes: Map<string, DraftNode>;
  /** nodeId → output handle → target node id. */
  next: Map<string, Map<string, string>>;
  beginId: string | undefined;
  /** Nodes reachable from Begin, in topological order; undefined when the graph has a cycle. */
  order: string[] | undefined;
};

/** Names a node in messages the way the canvas shows it. */
export function describeNode(node: DraftNode): string {
  return `${blockOf(node.type)?.label ?? node.type} "${node.id}"`;
}

/**
 * Shape checks that need no context: ids, block types, Begin/End counts, edges and their
 * handles, connectivity, cycles and reachability. Returns every error plus the index.
 */
export function checkStructure(graph: GraphDraft): { errors: CompileError[]; index: GraphIndex } {
  const errors: CompileError[] = [];
  const nodes = new Map<string, DraftNode>();
  for (const node of graph.nodes) {
    if (nodes.has(node.id)) {
      errors.push({ nodeId: node.id, code: CompileErrorCode.DuplicateId, message: `Two blocks have the id "${node.id}"; every block needs its own id.` });
    } else if (!blockOf(node.type)) {
      errors.push({ nodeId: node.id, code: CompileErrorCode.UnknownNodeType, message: `Block "${node.id}" has the type "${node.type}", which Rolecall does not know.` });
    } else {
      nodes.set(node.id, node);
    }
  }
  const all = new Set(graph.nodes.map((n) => n.id));
  const begins = [...nodes.values()].filter((n) => n.type === 'begin');
  if (begins.length === 0) errors.push({ code: CompileErrorCode.NoBegin, message: 'The workflow needs a Begin block.' });
  for (const extra of begins.slice(1)) {
    errors.push({ nodeId: extra.id, code: CompileErrorCode.MultipleBegin, message: `${describeNode(extra)} is a second Begin; a workflow has exactly one.` });
  }
  if (![...nodes.values()].some((n) => n.type === 'end')) errors.push({ code: CompileErrorCode.NoEnd, message: 'The workflow needs at least one End block.' });

  const next = new Map<string, Map<string, string>>([...nodes.keys()].map((id) => [id, new Map()]));
  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    const fail = (code: CompileError['code'], message: string) => errors.push({ edgeId: edge.id, nodeId: source?.id, code, message });
    if (edgeIds.has(edge.id)) {
      fail(CompileErrorCode.DuplicateId, `Two connections have the id "${edge.id}"; every connection needs its own id.`);
      continue;
    }
    edgeIds.add(edge.id);
    const missing = [edge.source, edge.target].filter((id) => !all.has(id));
    if (missing.length > 0) {
      fail(CompileErrorCode.DanglingEdge, `A connection points to ${missing.map((m) => `"${m}"`).join(' and ')}, which is not in the workflow; remove it.`);
      continue;
    }
    // Edges touching blocks of unknown type were already reported through the node.
    if (!source || !target) continue;
    if (source.type === 'end') {
      fail(CompileErrorCode.EdgeFromEnd, `${describeNode(source)} has a connection leaving it; End finishes a path, so remove it.`);
      continue;
    }
    if (target.type === 'begin') {
      fail(CompileErrorCode.EdgeIntoBegin, `A connection leads into ${describeNode(target)}; nothing may lead into Begin.`);
      continue;
    }
    const outputs = blockOf(source.type)?.outputs ?? [];
    const handle = resolveHandle(outputs, edge.sourceHandle);
    if (!handle) {
      const which = edge.sourceHandle ? `has no output "${edge.sourceHandle}"` : 'has a connection that does not say which output it leaves';
      fail(CompileErrorCode.UnknownHandle, `${describeNode(source)} ${which}; its outputs are ${outputs.join(', ')}.`);
      continue;
    }
    const outgoing = next.get(source.id) as Map<string, string>;
    if (outgoing.has(handle)) {
      fail(CompileErrorCode.DuplicateEdge, `The "${handle}" output of ${describeNode(source)} is connected twice; keep one connection.`);
      continue;
    }
    outgoing.set(handle, target.id);
  }

  for (const node of nodes.values()) {
    const outputs = blockOf(node.type)?.outputs ?? [];
    const outgoing = next.get(node.id) as Map<string, string>;
    const open = outputs.filter((h) => !outgoing.has(h));
    if (outputs.length > 0 && open.length === outputs.length) {
      errors.push({ nodeId: node.id, code: CompileErrorCode.PathNotEnding, message: `${describeNode(node)} leads nowhere; connect its outputs, at least to an End block.` });
    } else {
      for (const handle of open) {
        errors.push({ nodeId: node.id, code: CompileErrorCode.UnconnectedHandle, message: `The "${handle}" output of ${describeNode(node)} is not connected; connect it, at least to an End block.` });
      }
    }
  }

  const beginId = begins[0]?.id;
  const { order, cycleAt } = walk(next, beginId);
  for (const [nodeId, edgeTarget] of cycleAt) {
    const node = nodes.get(nodeId) as DraftNode;
    const edge = graph.edges.find((e) => e.source === nodeId && e.target === edgeTarget);
    errors.push({ nodeId, edgeId: edge?.id, code: CompileErrorCode.Cycle, message: `${describeNode(node)} leads back to itself or a block before it; workflows cannot loop.` });
  }
  if (beginId !== undefined) {
    const reached = new Set(order);
    for (const node of nodes.values()) {
      if (!reached.has(node.id)) {
        errors.push({ nodeId: node.id, code: CompileErrorCode.UnreachableNode, message: `No path from Begin reaches ${describeNode(node)}; connect it or remove it.` });
      }
    }
  }
  return { errors, index: { nodes, next, beginId, order: cycleAt.length > 0 ? undefined : order } };
}

/**
 * Depth-first walk of every node, starting at Begin: the reverse post-order of the nodes Begin
 * reaches (a topological order when acyclic) and the edges that close a cycle.
 */
function walk(next: Map<string, Map<string, string>>, beginId: string | undefined): { order: string[]; cycleAt: [string, string][] } {
  const state = new Map<string, 'open' | 'done'>();
  const post: string[] = [];
  const cycleAt: [string, string][] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const target of next.get(id)?.values() ?? []) {
      const s = state.get(target);
      if (s === 'open') cycleAt.push([id, target]);
      else if (s === undefined) visit(target);
    }
    state.set(id, 'done');
    post.push(id);
  };
  if (beginId !== undefined) visit(beginId);
  const reachedCount = post.length;
  for (const id of next.keys()) if (!state.has(id)) visit(id);
  return { order: post.slice(0, reachedCount).reverse(), cycleAt };
}
