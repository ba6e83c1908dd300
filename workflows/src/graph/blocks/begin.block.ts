import { z } from 'zod';
import { checkRule } from '../compile/check-rule';
import { CompileErrorCode } from '../compile/compile-error.schema';
import { RuleSchema } from '../rules/rule.schema';
import { ruleFields } from '../rules/rule-fields';
import type { BlockDefinition } from './block-definition';
import { TriggerSchema } from './trigger.schema';

/**
 * Whom a run walks: the SaaS users of one inventory app (`saas_app` id) that match `rule`. The
 * app's preset comes from the compile context. Rules here cannot use `retrieval.*`.
 */
export const PopulationSchema = z.object({ appId: z.uuid(), rule: RuleSchema });

export const BeginDataSchema = z.object({ trigger: TriggerSchema, population: PopulationSchema });
export type BeginData = z.infer<typeof BeginDataSchema>;

/** Begin: the one entry point. Output `next`. */
export const beginBlock = {
  type: 'begin',
  label: 'Begin',
  dataSchema: BeginDataSchema,
  outputs: ['next'],
  acceptsInput: false,
  check(data, { ctx }) {
    const app = ctx.apps.find((a) => a.id === data.population.appId);
    const unknownApp = app
      ? []
      : [{ code: CompileErrorCode.UnknownApp, message: 'The Begin population names an app that does not exist (any more); pick one of your apps.' }];
    const fields = ruleFields(ctx.customFields, data.population.appId);
    return [...unknownApp, ...checkRule(data.population.rule, { fields, retrievalUpstream: false, where: 'the Begin population' })];
  },
} as const satisfies BlockDefinition<typeof BeginDataSchema>;
