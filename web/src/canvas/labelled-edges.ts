import { BLOCKS, type BlockType } from '@rolecall/workflows/graph';
import { MarkerType } from '@xyflow/react';
import { lookOf } from './nodes/block-looks';
import type { BlockEdge, BlockNode } from './store/flow-graph';

/**
 * Edges as drawn: an arrow, and the output's label ("true", "not found") on edges leaving a block
 * with several outputs, so a branch reads without hovering its handle. Derived, never saved.
 */
export function labelledEdges(nodes: readonly BlockNode[], edges: readonly BlockEdge[]): BlockEdge[] {
  const typeOf = new Map(nodes.map((n) => [n.id, n.type]));
  return edges.map((e) => {
    const type = typeOf.get(e.source);
    const look = lookOf(type);
    const many = type !== undefined && Object.hasOwn(BLOCKS, type) && BLOCKS[type as BlockType].outputs.length > 1;
    const label = many && e.sourceHandle ? (look?.outputLabels as Record<string, string> | undefined)?.[e.sourceHandle] : undefined;
    return { ...e, label, markerEnd: { type: MarkerType.ArrowClosed }, className: label ? `edge-${e.sourceHandle}` : undefined };
  });
}
