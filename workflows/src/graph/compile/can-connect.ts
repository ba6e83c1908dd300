import { blockOf } from '../blocks/block-registry';
import { CompileErrorCode } from './compile-error.schema';
import type { CompileError } from './compile-error.schema';
import { resolveHandle } from './resolve-handle';

/** The slice of React Flow state the connection rules read (nodes and edges as the canvas holds them). */
export type ConnectableGraph = {
  nodes: readonly { id: string; type?: string }[];
  edges: readonly { source: string; sourceHandle?: string | null; target: string }[];
};

/** A proposed edge, as React Flow's `isValidConnection` receives it. */
export type Connection = { source: string; sourceHandle?: string | null; target: string };

/**
 * Why the canvas must refuse `connection`, by the compiler's own rules: the handle exists on
 * the source block, nothing enters Begin or leaves End, a handle has one edge, and the new edge
 * closes no cycle. Null when the connection is fine.
 */
export function connectionError(graph: ConnectableGraph, connection: Connection): CompileError | null {
  const { source, target } = connection;
  const sourceNode = graph.nodes.find((n) => n.id === source);
  const targetNode = graph.nodes.find((n) => n.id === target);
  const err = (code: CompileError['code'], message: string): CompileError => ({ nodeId: source, code, message });
  if (!sourceNode || !targetNode) return err(CompileErrorCode.DanglingEdge, 'Both ends of a connection must be blocks of this workflow.');
  const sourceBlock = blockOf(sourceNode.type ?? '');
  const targetBlock = blockOf(targetNode.type ?? '');
  if (!sourceBlock || !targetBlock) return err(CompileErrorCode.UnknownNodeType, 'Only known blocks can be connected.');
  if (sourceBlock.outputs.length === 0) return err(CompileErrorCode.EdgeFromEnd, 'End finishes a path; nothing can leave it.');
  if (!targetBlock.acceptsInput) return err(CompileErrorCode.EdgeIntoBegin, 'Nothing may lead into Begin.');
  const handle = resolveHandle(sourceBlock.outputs, connection.sourceHandle);
  if (!handle) return err(CompileErrorCode.UnknownHandle, `${sourceBlock.label} has no output "${connection.sourceHandle ?? ''}".`);
  const taken = graph.edges.some((e) => e.source === source && resolveHandle(sourceBlock.outputs, e.sourceHandle) === handle);
  if (taken) return err(CompileErrorCode.DuplicateEdge, `The "${handle}" output is already connected.`);
  if (reaches(graph, target, source)) return err(CompileErrorCode.Cycle, 'This connection would make the workflow loop.');
  return null;
}

/** React Flow's `isValidConnection`: true when `connectionError` finds nothing. */
export function canConnect(graph: ConnectableGraph, connection: Connection): boolean {
  return connectionError(graph, connection) === null;
}

/** Whether a path of existing edges leads from `from` to `to` (or they are the same node). */
function reaches(graph: ConnectableGraph, from: string, to: string): boolean {
  const seen = new Set<string>([from]);
  const queue = [from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (id === to) return true;
    for (const e of graph.edges) {
      if (e.source === id && !seen.has(e.target)) {
        seen.add(e.target);
        queue.push(e.target);
      }
    }
  }
  return false;
}
