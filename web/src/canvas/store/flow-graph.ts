import type { BlockType, GraphDraft } from '@rolecall/workflows/graph';
import type { Edge, Node } from '@xyflow/react';

/** A canvas node: React Flow's node whose `type` is a block type and whose `data` is the block's config. */
export type BlockNode = Node<Record<string, unknown>, BlockType>;
export type BlockEdge = Edge;

/** The saved graph as React Flow nodes and edges. Unknown types stay (the compiler reports them). */
export function toFlow(graph: GraphDraft): { nodes: BlockNode[]; edges: BlockEdge[] } {
  return {
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      type: n.type as BlockType,
      position: { ...n.position },
      data: (n.data ?? {}) as Record<string, unknown>,
    })),
    edges: graph.edges.map((e) => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle ?? null, target: e.target })),
  };
}

/** What is saved and compiled: only ids, types, positions, data and connections (no selection or sizes). */
export function toDraft(nodes: readonly BlockNode[], edges: readonly BlockEdge[]): GraphDraft {
  return {
    nodes: nodes.map((n) => ({ id: n.id, type: n.type ?? '', position: { x: n.position.x, y: n.position.y }, data: n.data })),
    edges: edges.map((e) => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle ?? null, target: e.target })),
  };
}

/** A short id that is unique within one graph, readable in the checklist and the run view. */
export function newNodeId(type: string, taken: ReadonlySet<string>): string {
  for (;;) {
    const id = `${type}-${Math.random().toString(36).slice(2, 7)}`;
    if (!taken.has(id)) return id;
  }
}
