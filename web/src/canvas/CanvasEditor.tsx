import { canConnect, type BlockType } from '@rolecall/workflows/graph';
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow, type IsValidConnection } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { acceptsBlockDrag, droppedBlock } from './block-drag';
import './canvas.css';
import './editor.css';
import { CanvasEmptyHint } from './CanvasEmptyHint';
import { labelledEdges } from './labelled-edges';
import { nodeTypes } from './nodes/node-types';
import type { BlockEdge } from './store/flow-graph';
import { useCanvasStore, useCanvasStoreApi } from './store/canvas-store-context';
import { useCanvasShortcuts } from './use-canvas-shortcuts';

/** Room around the graph when fitting it, so the minimap and controls cover no handle. */
const FIT_VIEW = { padding: 0.25, maxZoom: 1 };

/** Half a block's width and a third of its height, where the pointer holds a dropped block. */
const BLOCK_CENTRE = { x: 120, y: 40 };

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
    // The block lands centred under the pointer, not hanging off its corner.
    const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    addNode(type, { x: at.x - BLOCK_CENTRE.x, y: at.y - BLOCK_CENTRE.y });
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
        fitViewOptions={FIT_VIEW}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <Controls position="bottom-left" fitViewOptions={FIT_VIEW} />
        <MiniMap position="bottom-right" pannable zoomable ariaLabel="Overview of the workflow" style={{ width: 140, height: 90 }} />
      </ReactFlow>
      {nodes.length === 0 && <CanvasEmptyHint />}
    </div>
  );
}
