import type { BLOCKS, BlockType, CompileError } from '@rolecall/workflows/graph';
import type { z } from 'zod';

/** The data a node of `T` carries while it is edited: the block schema's input shape. */
export type BlockData<T extends BlockType> = z.input<(typeof BLOCKS)[T]['dataSchema']>;

/**
 * What every block's properties panel receives. Panels never touch the canvas store: the panel
 * host passes the selected node's data in and turns each `onChange` into one undoable edit, so a
 * panel can be rendered and tested on its own.
 */
export type BlockPanelProps<T extends BlockType> = {
  nodeId: string;
  data: BlockData<T>;
  /** Replaces the node's data. */
  onChange: (data: BlockData<T>) => void;
  /** The compile errors `compile()` pins to this node, to show beside the fields they concern. */
  errors: readonly CompileError[];
  /** True in a run view or for a launched version shown read-only. */
  readOnly?: boolean;
  /** The Begin population's app, so rule fields include its custom fields. */
  populationAppId?: string;
};
