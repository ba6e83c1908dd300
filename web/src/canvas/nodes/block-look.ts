import type { BlockOutputs, BlockType } from '@rolecall/workflows/graph';

/**
 * How a block presents itself on the canvas and in the palette: its title, a one-line hint and
 * the label of each output handle. Every output the graph language defines needs a label.
 */
export type BlockLook<T extends BlockType> = {
  type: T;
  title: string;
  hint: string;
  outputLabels: Record<BlockOutputs[T], string>;
};
