import type { BlockType, CompileError } from '@rolecall/workflows/graph';
import type { ComponentType } from 'react';
import { BLOCK_LOOKS } from '../nodes/block-looks';
import type { BlockPanelProps } from '../nodes/panel-props';
import { panels } from '../nodes/panels';
import { errorsByField } from './field-errors';

type Props = {
  node: { id: string; type: BlockType; data: unknown };
  errors: readonly CompileError[];
  onChange: (data: unknown) => void;
  readOnly?: boolean;
  populationAppId?: string;
};

/** The selected block's title, the problems not tied to one field, and its own panel. */
export function BlockPanel({ node, errors, onChange, readOnly, populationAppId }: Props) {
  const look = BLOCK_LOOKS[node.type];
  // The registry is typed per block; here the type is only known at run time.
  const Panel = panels[node.type] as ComponentType<BlockPanelProps<BlockType>>;
  const general = errorsByField(errors).general;
  return (
    <section className="block-panel" aria-labelledby={`${node.id}-panel-title`} data-testid={`panel-${node.id}`}>
      <h2 id={`${node.id}-panel-title`} className="block-panel-title">
        {look.title}
      </h2>
      <p className="block-panel-hint">{look.hint}</p>
      {general.length > 0 && (
        <div role="alert">
          <ul className="block-panel-errors">
            {general.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <Panel
        nodeId={node.id}
        data={(node.data ?? {}) as BlockPanelProps<BlockType>['data']}
        onChange={onChange}
        errors={errors}
        readOnly={readOnly}
        populationAppId={populationAppId}
      />
    </section>
  );
}
