import type { BlockLook } from '../block-look';

export const roleRetrievalLook = {
  type: 'roleRetrieval',
  title: 'SaaS User Role Retrieval',
  hint: "Reads each user's role from the vendor",
  outputLabels: { found: 'found', notFound: 'not found', error: 'error' },
} as const satisfies BlockLook<'roleRetrieval'>;
