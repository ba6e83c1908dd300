import type { BlockLook } from '../block-look';

export const ruleLook = {
  type: 'rule',
  title: 'Rule',
  hint: 'Sends each user down true or false by conditions',
  outputLabels: { true: 'true', false: 'false' },
} as const satisfies BlockLook<'rule'>;
