import type { BlockPanelProps } from '../panel-props';

export function EndPanel(_: BlockPanelProps<'end'>) {
  return <p className="field-hint">Nothing to set: a user whose path reaches End is done for this run. Every output of every block must lead to an End.</p>;
}
