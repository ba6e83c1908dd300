import { z } from 'zod';
import type { WorkflowContract } from './workflow-contract';

/** Round-trips one activity through a worker (connectivity-check.workflow.ts). */
export const connectivityCheckContract = {
  name: 'connectivityCheck',
  /** A caller-chosen nonce the probe activity echoes back. */
  input: z.string().min(1),
  ids: { workflow: (nonce: string) => `connectivity-${nonce}` },
} as const satisfies WorkflowContract<'connectivityCheck'>;
