import { useReactFlow } from '@xyflow/react';
import { countOf } from '../lib/format';
import { lookOf } from './nodes/block-looks';
import { useCanvasStore } from './store/canvas-store-context';

/**
 * Everything `compile()` finds wrong, in plain words; clicking a problem selects its block and
 * brings it into view. Says "Ready to launch" when there is nothing left.
 */
export function Checklist() {
  const errors = useCanvasStore((s) => s.errors);
  const nodes = useCanvasStore((s) => s.nodes);
  const select = useCanvasStore((s) => s.select);
  const { fitView } = useReactFlow();

  if (errors === null) return <p className="checklist-status">Checking the workflow…</p>;
  if (errors.length === 0) {
    return (
      <p className="checklist-status checklist-ready" data-testid="checklist-ready">
        Ready to launch: every block is set up and every path reaches an End.
      </p>
    );
  }
  const show = (nodeId: string) => {
    select(nodeId);
    void fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.2 });
  };
  return (
    <section className="checklist" aria-label="Problems to fix" data-testid="checklist">
      <h2 className="checklist-title">{countOf(errors.length, 'problem')} to fix before launch</h2>
      <ul>
        {errors.map((error, i) => {
          const node = error.nodeId ? nodes.find((n) => n.id === error.nodeId) : undefined;
          const where = node ? (lookOf(node.type)?.title ?? node.type) : 'Workflow';
          return (
            <li key={`${error.nodeId ?? ''}-${error.code}-${i}`}>
              {node ? (
                <button type="button" className="checklist-item" onClick={() => show(node.id)} data-testid={`checklist-${node.id}`}>
                  <strong>{where}:</strong> {error.message}
                </button>
              ) : (
                <span className="checklist-item">
                  <strong>{where}:</strong> {error.message}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
