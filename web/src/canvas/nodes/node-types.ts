import type { BlockType } from '@rolecall/workflows/graph';
import type { NodeProps } from '@xyflow/react';
import type { ComponentType } from 'react';
import type { BlockNode } from '../store/flow-graph';
import { ApiNode } from './api/node';
import { BeginNode } from './begin/node';
import { EndNode } from './end/node';
import { RoleRetrievalNode } from './roleRetrieval/node';
import { RuleNode } from './rule/node';

/** React Flow's `nodeTypes`, declared once at module scope (a new object per render remounts every node). */
export const nodeTypes = {
  begin: BeginNode,
  rule: RuleNode,
  roleRetrieval: RoleRetrievalNode,
  api: ApiNode,
  end: EndNode,
} as const satisfies Record<BlockType, ComponentType<NodeProps<BlockNode>>>;
