import { apiBlock } from './api.block';
import { beginBlock } from './begin.block';
import type { BlockDefinition } from './block-definition';
import type { BlockType } from './block-type.schema';
import { endBlock } from './end.block';
import { roleRetrievalBlock } from './role-retrieval.block';
import { ruleBlock } from './rule.block';

/** Every block type once; `satisfies` makes a new BlockType fail to compile until it is added here. */
export const BLOCKS = {
  begin: beginBlock,
  rule: ruleBlock,
  roleRetrieval: roleRetrievalBlock,
  api: apiBlock,
  end: endBlock,
} as const satisfies Record<BlockType, BlockDefinition>;

/** A block's output handles by type; the canvas draws one handle per entry. */
export type BlockOutputs = { [T in BlockType]: (typeof BLOCKS)[T]['outputs'][number] };

/** The block of a node type, or undefined for a type the language does not have. */
export function blockOf(type: string): BlockDefinition | undefined {
  return Object.hasOwn(BLOCKS, type) ? BLOCKS[type as BlockType] : undefined;
}
