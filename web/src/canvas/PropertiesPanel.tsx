import { useShallow } from 'zustand/react/shallow';
import { lookOf } from './nodes/block-looks';
import { BlockPanel } from './panels/BlockPanel';
import { useCanvasStore } from './store/canvas-store-context';

/** The settings of the selected block; a hint when none (or several) is selected. */
export function PropertiesPanel() {
  const node = useCanvasStore((s) => s.nodes.find((n) => n.id === s.selectedNodeId));
  const errors = useCanvasStore(useShallow((s) => (s.errors ?? []).filter((e) => e.nodeId !== undefined && e.nodeId === s.selectedNodeId)));
  const updateNodeData = useCanvasStore((s) => s.updateNodeData);
  const readOnly = useCanvasStore((s) => s.readOnly);
  const populationAppId = useCanvasStore((s) => {
    const begin = s.nodes.find((n) => n.type === 'begin');
    const appId = (begin?.data.population as { appId?: unknown } | undefined)?.appId;
    return typeof appId === 'string' && appId !== '' ? appId : undefined;
  });
  const look = lookOf(node?.type);

  return (
    <aside className="properties" aria-label="Block settings" data-testid="properties-panel">
      {node && look ? (
        <BlockPanel
          key={node.id}
          node={{ id: node.id, type: look.type, data: node.data }}
          errors={errors}
          onChange={(data) => updateNodeData(node.id, data as Record<string, unknown>)}
          readOnly={readOnly}
          populationAppId={populationAppId}
        />
      ) : (
        <p className="properties-empty">Select a block to see and change its settings.</p>
      )}
    </aside>
  );
}
