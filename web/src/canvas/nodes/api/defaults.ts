import type { BlockLook } from '../block-look';

export const apiLook = {
  type: 'api',
  title: 'API',
  hint: 'Deletes, deactivates or reactivates the user at the vendor',
  outputLabels: { success: 'success', error: 'error' },
} as const satisfies BlockLook<'api'>;
