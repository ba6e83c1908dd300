import { BLOCKS, type BlockType } from '@rolecall/workflows/graph';
import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatNumber } from '../../lib/format';
import { useCanvasStore } from '../store/canvas-store-context';
import { BLOCK_LOOKS } from './block-looks';
import { RECORD_STATE_LABELS } from './record-state-labels';

type Props = { id: string; type: BlockType; selected: boolean; summary: ReactNode };

/** Errors shown on the block itself; the checklist lists the rest. */
const ERRORS_ON_NODE = 1;

/**
 * The frame every block draws: title, a summary of its settings, the compiler's errors pinned to
 * it, a run's counts by outcome, one input handle (not on Begin) and a labelled handle per output.
 */
export function BlockNodeShell({ id, type, selected, summary }: Props) {
  const look = BLOCK_LOOKS[type];
  const block = BLOCKS[type];
  const errors = useCanvasStore(useShallow((s) => (s.errors ?? []).filter((e) => e.nodeId === id).map((e) => e.message)));
  const counts = useCanvasStore((s) => s.runCounts?.[id]);
  const labels = look.outputLabels as Record<string, string>;
  const classes = ['block-node', `block-node-${type}`, selected && 'is-selected', errors.length > 0 && 'has-errors'].filter(Boolean).join(' ');

  return (
    <div className={classes} data-testid={`canvas-node-${id}`}>
      {block.acceptsInput && (
        <Handle type="target" position={Position.Top} id="in" className="block-handle" data-testid={`handle-${id}-in`} title={`Into ${look.title}`} />
      )}
      <div className="block-node-title">{look.title}</div>
      <div className="block-node-summary">{summary}</div>
      {errors.length > 0 && (
        <ul className="block-node-errors" aria-label={`Problems with ${look.title}`}>
          {errors.slice(0, ERRORS_ON_NODE).map((message) => (
            <li key={message}>{message}</li>
          ))}
          {errors.length > ERRORS_ON_NODE && <li>and {errors.length - ERRORS_ON_NODE} more in the checklist</li>}
        </ul>
      )}
      {counts && (
        <dl className="block-node-counts" data-testid={`node-counts-${id}`}>
          {Object.entries(counts).map(([outcome, n]) => (
            <div key={outcome} className={`block-node-count count-${outcome}`}>
              <dt>{labels[outcome] ?? RECORD_STATE_LABELS[outcome] ?? outcome}</dt>
              <dd>{formatNumber(n)}</dd>
            </div>
          ))}
        </dl>
      )}
      {block.outputs.length > 0 && (
        <div className="block-node-outputs">
          {block.outputs.map((handle) => (
            <div key={handle} className={`block-node-output output-${handle}`}>
              <span className="block-node-output-label">{labels[handle] ?? handle}</span>
              <Handle
                type="source"
                position={Position.Bottom}
                id={handle}
                className="block-handle"
                data-testid={`handle-${id}-${handle}`}
                title={`${look.title} ${labels[handle] ?? handle} output`}
              />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
