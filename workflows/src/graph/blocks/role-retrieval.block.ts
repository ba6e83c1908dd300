import { z } from 'zod';
import type { BlockDefinition } from './block-definition';
import { checkPresetAction } from './preset-action.check';

/**
 * Reads each record's role at the vendor with a preset action whose operation is getUserRole
 * (e.g. Litmos "userRole"). `deactivateIfNotFound` marks the inventory SaaS user deactivated when
 * the vendor no longer has it; it changes only Rolecall's inventory, never the vendor.
 */
export const RoleRetrievalDataSchema = z.object({
  presetId: z.string().min(1),
  actionId: z.string().min(1),
  credentialId: z.string().min(1),
  deactivateIfNotFound: z.boolean().default(true),
});
export type RoleRetrievalData = z.infer<typeof RoleRetrievalDataSchema>;

/** The preset operations a Role Retrieval block may call. */
export const ROLE_RETRIEVAL_OPERATIONS = ['getUserRole'] as const;

/** SaaS User Role Retrieval. Outputs `found` / `notFound` / `error`; sets `retrieval.*` downstream. */
export const roleRetrievalBlock = {
  type: 'roleRetrieval',
  label: 'SaaS User Role Retrieval',
  dataSchema: RoleRetrievalDataSchema,
  outputs: ['found', 'notFound', 'error'],
  acceptsInput: true,
  check(data, scope) {
    return checkPresetAction(data, scope, { block: 'SaaS User Role Retrieval', operations: ROLE_RETRIEVAL_OPERATIONS }).issues;
  },
} as const satisfies BlockDefinition<typeof RoleRetrievalDataSchema>;
