import { z } from 'zod';
import { checkRule } from '../compile/check-rule';
import { ClauseSchema, RuleSchema } from '../rules/rule.schema';
import { ruleFields } from '../rules/rule-fields';
import type { BlockDefinition } from './block-definition';

/** A Rule node's rule; unlike a population, it needs a condition to be worth a branch. */
export const RuleDataSchema = RuleSchema.extend({ clauses: z.array(ClauseSchema).min(1) });
export type RuleData = z.infer<typeof RuleDataSchema>;

/** Rule: branches each record on its rule. Outputs `true` / `false`. */
export const ruleBlock = {
  type: 'rule',
  label: 'Rule',
  dataSchema: RuleDataSchema,
  outputs: ['true', 'false'],
  acceptsInput: true,
  check(data, { ctx, app, retrievalUpstream }) {
    return checkRule(data, { fields: ruleFields(ctx.customFields, app?.id), retrievalUpstream, where: 'this Rule' });
  },
} as const satisfies BlockDefinition<typeof RuleDataSchema>;
