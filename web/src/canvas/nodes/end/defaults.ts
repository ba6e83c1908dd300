import type { BlockLook } from '../block-look';

export const endLook = {
  type: 'end',
  title: 'End',
  hint: "Where each user's path finishes",
  outputLabels: {},
} as const satisfies BlockLook<'end'>;
