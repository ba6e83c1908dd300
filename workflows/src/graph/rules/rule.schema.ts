import { z } from 'zod';
import { OperatorSchema } from './operator.schema';

const ScalarSchema = z.union([z.string(), z.number(), z.boolean()]);

/**
 * One condition `field op value`. `field` is a path such as `saasUser.lastLoginAt`,
 * `person.custom.costCenter` or `retrieval.role` (see rule-fields.ts); whether it exists and
 * whether `op` and `value` fit its type is checked by the compiler against the context, because
 * custom fields differ per installation.
 */
export const ClauseSchema = z.object({
  field: z.string().min(1),
  op: OperatorSchema,
  value: z.union([ScalarSchema, z.array(ScalarSchema)]).optional(),
});
export type Clause = z.infer<typeof ClauseSchema>;

/**
 * A rule: `all` clauses must hold, or `any` one of them. A rule without clauses matches every
 * record whatever `match` says, so a Begin population without rules means "all SaaS users".
 */
export const RuleSchema = z.object({
  match: z.enum(['all', 'any']),
  clauses: z.array(ClauseSchema),
});
export type Rule = z.infer<typeof RuleSchema>;
