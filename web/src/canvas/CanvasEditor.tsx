import { canConnect, type BlockType } from '@rolecall/workflows/graph';
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow, type IsValidConnection } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { acceptsBlockDrag, droppedBlock } from './block-drag';
import './canvas.css';
import { CanvasEmptyHint } from './CanvasEmptyHint';
import { labelledEdges } from './labelled-edges';
import { nodeTypes } from './nodes/node-types';
import type { BlockEdge } from './store/flow-graph';
import { useCanvasStore, useCanvasStoreApi } from './store/canvas-store-context';
import { useCanvasShortcuts } from './use-canvas-shortcuts';

/**
 * The editable canvas: blocks dropped from the palette, connections only where the graph
 * language allows them (`canConnect`, the compiler's own rule), Delete/Backspace removes the
 * selection, Ctrl/Cmd+C/V/Z/Y copy, paste, undo and redo.
 */
export function CanvasEditor() {
  const store = useCanvasStoreApi();
  const nodes = useCanvasStore((s) => s.nodes);
  const edges = useCanvasStore((s) => s.edges);
  const onNodesChange = useCanvasStore((s) => s.onNodesChange);
  const onEdgesChange = useCanvasStore((s) => s.onEdgesChange);
  const onConnect = useCanvasStore((s) => s.onConnect);
  const addNode = useCanvasStore((s) => s.addNode);
  const { screenToFlowPosition } = useReactFlow();
  const [surface, setSurface] = useState<HTMLDivElement | null>(null);
  useCanvasShortcuts(store, surface);
  const drawn = useMemo(() => labelledEdges(nodes, edges), [nodes, edges]);

  const isValidConnection: IsValidConnection<BlockEdge> = useCallback(
    (c) => canConnect(store.getState(), { source: c.source, sourceHandle: c.sourceHandle, target: c.target }),
    [store],
  );

  const onDragOver = (event: DragEvent) => {
    if (!acceptsBlockDrag(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  };
  const onDrop = (event: DragEvent) => {
    const type: BlockType | undefined = droppedBlock(event);
    if (!type) return;
    event.preventDefault();
    addNode(type, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  return (
    <div className="canvas" data-testid="workflow-canvas" ref={setSurface} onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={drawn}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        deleteKeyCode={['Backspace', 'Delete']}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <Controls position="bottom-left" />
        <MiniMap position="bottom-right" pannable zoomable ariaLabel="Overview of the workflow" />
      </ReactFlow>
      {nodes.length === 0 && <CanvasEmptyHint />}
    </div>
  );
}
