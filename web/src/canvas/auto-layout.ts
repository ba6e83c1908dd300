import dagre from '@dagrejs/dagre';
import type { XYPosition } from '@xyflow/react';
import type { BlockEdge, BlockNode } from './store/flow-graph';

/** Used for blocks React Flow has not measured yet. */
const FALLBACK_SIZE = { width: 240, height: 110 };

/**
 * Top-to-bottom positions for every block, by dagre's layered layout: Begin at the top, each
 * branch in its own column. Returns top-left corners, as React Flow positions nodes.
 */
export function autoLayout(nodes: readonly BlockNode[], edges: readonly BlockEdge[]): Map<string, XYPosition> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 60, ranksep: 70 });
  g.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map(nodes.map((n) => [n.id, { width: n.measured?.width ?? FALLBACK_SIZE.width, height: n.measured?.height ?? FALLBACK_SIZE.height }]));
  for (const n of nodes) g.setNode(n.id, sizes.get(n.id)!);
  for (const e of edges) if (sizes.has(e.source) && sizes.has(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const positions = new Map<string, XYPosition>();
  for (const n of nodes) {
    const { x, y } = g.node(n.id);
    const size = sizes.get(n.id)!;
    positions.set(n.id, { x: Math.round(x - size.width / 2), y: Math.round(y - size.height / 2) });
  }
  return positions;
}
