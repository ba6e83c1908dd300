import type { GraphDraft } from '@rolecall/workflows/graph';
import { Background, BackgroundVariant, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import './canvas.css';
import { labelledEdges } from './labelled-edges';
import { nodeTypes } from './nodes/node-types';
import { createCanvasStore, type CanvasStore } from './store/canvas-store';
import { CanvasStoreProvider, useCanvasStore } from './store/canvas-store-context';
import type { NodeCounts } from './store/annotations-slice';

type Props = {
  graph: GraphDraft;
  /** A run's per-node counts by outcome, drawn on each block. */
  counts?: NodeCounts | null;
  onSelectNode?: (id: string | null) => void;
  selectedNodeId?: string | null;
};

/** A launched graph, read-only: blocks can be clicked (to filter a run's records), not changed. */
export function GraphViewer({ graph, counts = null, onSelectNode, selectedNodeId = null }: Props) {
  const [store] = useState<CanvasStore>(() => createCanvasStore({ graph, readOnly: true }));
  useEffect(() => store.getState().setRunOverlay(counts), [store, counts]);
  useEffect(() => {
    if (store.getState().selectedNodeId !== selectedNodeId) store.getState().select(selectedNodeId);
  }, [store, selectedNodeId]);
  return (
    <CanvasStoreProvider store={store}>
      <ReactFlowProvider>
        <ViewerSurface onSelectNode={onSelectNode} />
      </ReactFlowProvider>
    </CanvasStoreProvider>
  );
}

function ViewerSurface({ onSelectNode }: Pick<Props, 'onSelectNode'>) {
  const nodes = useCanvasStore((s) => s.nodes);
  const edges = useCanvasStore((s) => s.edges);
  const onNodesChange = useCanvasStore((s) => s.onNodesChange);
  const drawn = useMemo(() => labelledEdges(nodes, edges), [nodes, edges]);
  return (
    <div className="canvas canvas-viewer" data-testid="graph-viewer">
      <ReactFlow
        nodes={nodes}
        edges={drawn}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        onNodeClick={(_, node) => onSelectNode?.(node.id)}
        onPaneClick={() => onSelectNode?.(null)}
        fitView
        // A small graph stays at its drawn size instead of filling the card.
        fitViewOptions={{ maxZoom: 1, padding: 0.15 }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <Controls position="bottom-left" showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
