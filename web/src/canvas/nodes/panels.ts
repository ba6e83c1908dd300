import type { BlockType } from '@rolecall/workflows/graph';
import type { ComponentType } from 'react';
import { ApiPanel } from './api/panel';
import { BeginPanel } from './begin/panel';
import { EndPanel } from './end/panel';
import type { BlockPanelProps } from './panel-props';
import { RoleRetrievalPanel } from './roleRetrieval/panel';
import { RulePanel } from './rule/panel';

/** Each block's properties panel, declared once; `satisfies` makes a new block type fail until it has one. */
export const panels = {
  begin: BeginPanel,
  rule: RulePanel,
  roleRetrieval: RoleRetrievalPanel,
  api: ApiPanel,
  end: EndPanel,
} as const satisfies { [T in BlockType]: ComponentType<BlockPanelProps<T>> };
