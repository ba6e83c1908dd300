/**
 * `@rolecall/workflows/graph`: the workflow graph language, its compiler and IR, and rule
 * evaluation. Pure and browser-safe (zod and `@rolecall/presets/catalog` only; lint and
 * graph-purity.test.ts hold the line), so the canvas, the server and workflow code run the same
 * code. Block reference: docs/blocks.md.
 */
export { API_OPERATIONS, ApiDataSchema, apiBlock, type ApiData } from './blocks/api.block';
export { BeginDataSchema, PopulationSchema, beginBlock, type BeginData } from './blocks/begin.block';
export { defaults } from './blocks/block-defaults';
export type { BlockDefinition, BlockIssue, BlockScope } from './blocks/block-definition';
export { BLOCKS, blockOf, type BlockOutputs } from './blocks/block-registry';
export { BlockTypeSchema, type BlockType } from './blocks/block-type.schema';
export { CapSchema, DEFAULT_CAP, capLimit, type Cap } from './blocks/cap.schema';
export { EndDataSchema, endBlock, type EndData } from './blocks/end.block';
export { ROLE_RETRIEVAL_OPERATIONS, RoleRetrievalDataSchema, roleRetrievalBlock, type RoleRetrievalData } from './blocks/role-retrieval.block';
export { RuleDataSchema, ruleBlock, type RuleData } from './blocks/rule.block';
export { summarizeTrigger } from './blocks/trigger-summary';
export { ScheduleSpecSchema, TriggerEventSchema, TriggerSchema, type Trigger, type TriggerEvent } from './blocks/trigger.schema';
export { canConnect, connectionError, type ConnectableGraph, type Connection } from './compile/can-connect';
export { compile } from './compile/compile';
export { AppRefSchema, CompileContextSchema, CredentialRefSchema, type AppRef, type CompileContext, type CredentialRef } from './compile/compile-context.schema';
export { CompileErrorCode, CompileErrorSchema, type CompileError } from './compile/compile-error.schema';
export { CompileResultSchema, type CompileResult } from './compile/compile-result.schema';
export {
  DraftNodeSchema,
  EdgeSchema,
  GraphDraftSchema,
  GraphSchema,
  NodeSchema,
  PositionSchema,
  type DraftNode,
  type Edge,
  type Graph,
  type GraphDraft,
  type Node,
} from './graph.schema';
export { IrDestructiveSchema, IrNodeSchema, IrSchema, type Ir, type IrNode } from './ir/ir.schema';
export { nextNode, step, type IrStep } from './ir/step';
export { OPERATOR_LABELS, describeClause, describeRule } from './rules/describe-rule';
export { CustomFieldRefSchema, type CustomFieldRef } from './rules/custom-field.schema';
export {
  ClauseOutcomeSchema,
  ClauseReasonSchema,
  RuleOutcomeSchema,
  evaluateClause,
  evaluateRule,
  type ClauseOutcome,
  type RuleOutcome,
} from './rules/evaluate-rule';
export { FieldTypeSchema, OPERATORS_BY_TYPE, OperatorSchema, VALUELESS_OPERATORS, type FieldType, type Operator } from './rules/operator.schema';
export { BUILT_IN_FIELDS, ruleFields, type RuleField } from './rules/rule-fields';
export {
  PersonFactsSchema,
  RetrievalFactsSchema,
  RuleRecordSchema,
  SaasUserFactsSchema,
  type RuleRecord,
} from './rules/rule-record.schema';
export { ClauseSchema, RuleSchema, type Clause, type Rule } from './rules/rule.schema';
export { WORKFLOW_TEMPLATES } from './templates/workflow-templates';
export type { WorkflowTemplate, WorkflowTemplateParams } from './templates/workflow-template';
