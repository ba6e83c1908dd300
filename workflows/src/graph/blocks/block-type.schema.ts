import { z } from 'zod';

/** The block types of the graph language; a node's `type` is one of these. */
export const BlockTypeSchema = z.enum(['begin', 'rule', 'roleRetrieval', 'api', 'end']);
export type BlockType = z.infer<typeof BlockTypeSchema>;
