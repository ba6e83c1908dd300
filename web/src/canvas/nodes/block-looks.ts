import type { BlockType } from '@rolecall/workflows/graph';
import { apiLook } from './api/defaults';
import { beginLook } from './begin/defaults';
import type { BlockLook } from './block-look';
import { endLook } from './end/defaults';
import { roleRetrievalLook } from './roleRetrieval/defaults';
import { ruleLook } from './rule/defaults';

/** Every block's look, in palette order; `satisfies` makes a new block type fail until it has one. */
export const BLOCK_LOOKS = {
  begin: beginLook,
  rule: ruleLook,
  roleRetrieval: roleRetrievalLook,
  api: apiLook,
  end: endLook,
} as const satisfies { [T in BlockType]: BlockLook<T> };

/** The look of a node's type; undefined for a type the graph language does not know. */
export function lookOf(type: string | undefined): BlockLook<BlockType> | undefined {
  return type !== undefined && Object.hasOwn(BLOCK_LOOKS, type) ? (BLOCK_LOOKS[type as BlockType] as BlockLook<BlockType>) : undefined;
}
