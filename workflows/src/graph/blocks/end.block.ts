import { z } from 'zod';
import type { BlockDefinition } from './block-definition';

export const EndDataSchema = z.object({});
export type EndData = z.infer<typeof EndDataSchema>;

/** End: where every path finishes. No outputs. */
export const endBlock = {
  type: 'end',
  label: 'End',
  dataSchema: EndDataSchema,
  outputs: [],
  acceptsInput: true,
  check() {
    return [];
  },
} as const satisfies BlockDefinition<typeof EndDataSchema>;
