import type { BlockType } from '@rolecall/workflows/graph';
import { useReactFlow } from '@xyflow/react';
import { startBlockDrag } from './block-drag';
import { BLOCK_LOOKS } from './nodes/block-looks';
import { useCanvasStore } from './store/canvas-store-context';

const TYPES = Object.keys(BLOCK_LOOKS) as BlockType[];

/**
 * The blocks an admin can add: drag one onto the canvas, or press its Add button to drop it in
 * the middle of the view. A workflow has one Begin, so Begin is offered only while there is none.
 */
export function Palette({ canvas }: { canvas: HTMLElement | null }) {
  const addNode = useCanvasStore((s) => s.addNode);
  const hasBegin = useCanvasStore((s) => s.nodes.some((n) => n.type === 'begin'));
  const { screenToFlowPosition } = useReactFlow();

  const addInView = (type: BlockType) => {
    const box = canvas?.getBoundingClientRect();
    const centre = box ? { x: box.left + box.width / 2 - 120, y: box.top + box.height / 2 - 50 } : { x: 0, y: 0 };
    addNode(type, screenToFlowPosition(centre));
  };

  return (
    <aside className="palette" aria-labelledby="palette-title">
      <h2 className="palette-title" id="palette-title">
        Blocks
      </h2>
      <p className="palette-help">Drag onto the canvas, or add to the middle.</p>
      <ul className="palette-list">
        {TYPES.map((type) => {
          const look = BLOCK_LOOKS[type];
          const unavailable = type === 'begin' && hasBegin;
          return (
            <li
              key={type}
              className={`palette-block block-node-${type}${unavailable ? ' is-unavailable' : ''}`}
              draggable={!unavailable}
              onDragStart={(event) => startBlockDrag(event, type)}
              data-testid={`palette-${type}`}
            >
              <div className="palette-block-text">
                <span className="palette-block-title">{look.title}</span>
                <span className="palette-block-hint">{unavailable ? 'This workflow has its Begin' : look.hint}</span>
              </div>
              <button type="button" className="btn btn-sm" disabled={unavailable} onClick={() => addInView(type)} aria-label={`Add ${look.title}`}>
                Add
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
