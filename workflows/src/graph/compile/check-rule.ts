import { OPERATORS_BY_TYPE, VALUELESS_OPERATORS } from '../rules/operator.schema';
import type { Operator } from '../rules/operator.schema';
import type { Clause, Rule } from '../rules/rule.schema';
import type { RuleField } from '../rules/rule-fields';
import { CompileErrorCode } from './compile-error.schema';

/** A rule problem; the caller pins it to its node. */
export type RuleIssue = { code: CompileErrorCode; message: string };

/** What a rule may refer to where it sits in the graph. */
export type RuleScope = {
  fields: readonly RuleField[];
  /** True when a Role Retrieval precedes the rule on every path, so `retrieval.*` has a value. */
  retrievalUpstream: boolean;
  /** Names the rule in messages: "Condition 2 of the Begin population". */
  where: string;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Why `value` does not fit `op` on `field`, or undefined when it does. */
function valueProblem(field: RuleField, op: Operator, value: Clause['value']): string | undefined {
  if (VALUELESS_OPERATORS.includes(op)) return value === undefined ? undefined : 'this operator takes no value';
  if (value === undefined) return 'this operator needs a value';
  const scalarProblem = (v: unknown): string | undefined => {
    switch (field.type) {
      case 'string':
        return typeof v === 'string' ? undefined : 'the value must be text';
      case 'enum':
        return typeof v === 'string' && field.values?.some((x) => x.toLowerCase() === v.toLowerCase())
          ? undefined
          : `the value must be one of: ${field.values?.join(', ')}`;
      case 'number':
        return typeof v === 'number' && Number.isFinite(v) ? undefined : 'the value must be a number';
      case 'boolean':
        return typeof v === 'boolean' ? undefined : 'the value must be true or false';
      case 'date':
        return typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v))
          ? undefined
          : 'the value must be a date like 2026-01-31';
    }
  };
  switch (op) {
    case 'in':
    case 'notIn':
      if (!Array.isArray(value) || value.length === 0) return 'the value must be a non-empty list';
      return value.map(scalarProblem).find((p) => p !== undefined);
    case 'contains':
    case 'startsWith':
      return typeof value === 'string' && value.length > 0 ? undefined : 'the value must be some text';
    case 'olderThanDays':
    case 'withinDays':
      return Number.isInteger(value) && (value as number) > 0 ? undefined : 'the value must be a whole number of days above 0';
    default:
      return Array.isArray(value) ? 'the value must be a single value, not a list' : scalarProblem(value);
  }
}

/** Checks every clause: the field exists, the operator fits its type, the value fits both. */
export function checkRule(rule: Rule, scope: RuleScope): RuleIssue[] {
  const issues: RuleIssue[] = [];
  rule.clauses.forEach((clause, i) => {
    const at = `Condition ${i + 1} of ${scope.where}`;
    const field = scope.fields.find((f) => f.path === clause.field);
    if (!field) {
      issues.push({ code: CompileErrorCode.UnknownField, message: `${at} uses "${clause.field}", which is not a field Rolecall knows for this app.` });
      return;
    }
    if (field.upstream && !scope.retrievalUpstream) {
      issues.push({
        code: CompileErrorCode.RetrievalNotUpstream,
        message: `${at} uses "${field.label}", but not every path to it passes a SaaS User Role Retrieval block first.`,
      });
    }
    const allowed: readonly Operator[] = OPERATORS_BY_TYPE[field.type];
    if (!allowed.includes(clause.op)) {
      issues.push({
        code: CompileErrorCode.OperatorTypeMismatch,
        message: `${at}: "${clause.op}" does not work on ${field.label} (a ${field.type} field); use one of ${allowed.join(', ')}.`,
      });
      return;
    }
    const problem = valueProblem(field, clause.op, clause.value);
    if (problem) issues.push({ code: CompileErrorCode.InvalidValue, message: `${at} (${field.label} ${clause.op}): ${problem}.` });
  });
  return issues;
}
