import type { BlockLook } from '../block-look';

export const beginLook = {
  type: 'begin',
  title: 'Begin',
  hint: 'What starts a run and which SaaS users it reviews',
  outputLabels: { next: 'next' },
} as const satisfies BlockLook<'begin'>;
