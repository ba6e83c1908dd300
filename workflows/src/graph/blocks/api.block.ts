import { z } from 'zod';
import { CompileErrorCode } from '../compile/compile-error.schema';
import type { BlockDefinition } from './block-definition';
import { CapSchema } from './cap.schema';
import { checkPresetAction } from './preset-action.check';

/**
 * Calls a preset action that changes the vendor account (delete / deactivate / reactivate).
 * `cap` is required when the catalog marks the action destructive; the canvas pre-fills
 * DEFAULT_CAP (see block-defaults.ts).
 */
export const ApiDataSchema = z.object({
  presetId: z.string().min(1),
  actionId: z.string().min(1),
  credentialId: z.string().min(1),
  cap: CapSchema.optional(),
});
export type ApiData = z.infer<typeof ApiDataSchema>;

/** The preset operations an API block may call; the canvas offers only actions of these. */
export const API_OPERATIONS = ['deleteUser', 'deactivateUser', 'reactivateUser'] as const;

/** API: one vendor effect per record. Outputs `success` / `error`. */
export const apiBlock = {
  type: 'api',
  label: 'API',
  dataSchema: ApiDataSchema,
  outputs: ['success', 'error'],
  acceptsInput: true,
  check(data, scope) {
    const { issues, action } = checkPresetAction(data, scope, {
      block: 'API',
      operations: API_OPERATIONS,
    });
    const capped = data.cap?.maxUsers !== undefined || data.cap?.maxPercent !== undefined;
    if (action?.destructive && !capped) {
      issues.push({
        code: CompileErrorCode.MissingCap,
        message: `"${action.label}" is destructive and needs a cap: the most users (or percent of the population) one run may affect before asking for approval.`,
      });
    }
    return issues;
  },
} as const satisfies BlockDefinition<typeof ApiDataSchema>;
