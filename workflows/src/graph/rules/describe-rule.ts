import type { Operator } from './operator.schema';
import type { RuleField } from './rule-fields';
import type { Clause, Rule } from './rule.schema';

/** Each operator in an admin's words, as pickers and summaries show it. */
export const OPERATOR_LABELS: Record<Operator, string> = {
  eq: 'is',
  neq: 'is not',
  in: 'is one of',
  notIn: 'is none of',
  contains: 'contains',
  startsWith: 'starts with',
  empty: 'is empty',
  notEmpty: 'is not empty',
  gt: 'is after / greater than',
  lt: 'is before / less than',
  olderThanDays: 'is older than (days)',
  withinDays: 'is within the last (days)',
};

const valueWords = (value: Clause['value']) => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));

/** "SaaS user last login older than 365 days", using the field's label when it is known. */
export function describeClause(clause: Clause, fields: readonly RuleField[]): string {
  const field = fields.find((f) => f.path === clause.field)?.label ?? clause.field;
  switch (clause.op) {
    case 'empty':
    case 'notEmpty':
      return `${field} ${OPERATOR_LABELS[clause.op]}`;
    case 'olderThanDays':
      return `${field} older than ${valueWords(clause.value)} days`;
    case 'withinDays':
      return `${field} within the last ${valueWords(clause.value)} days`;
    default:
      return `${field} ${OPERATOR_LABELS[clause.op].split(' / ')[0]} ${valueWords(clause.value)}`;
  }
}

/** The whole rule on one line: clauses joined by "and"/"or"; a rule without clauses matches everyone. */
export function describeRule(rule: Rule, fields: readonly RuleField[]): string {
  if (rule.clauses.length === 0) return 'Every user';
  return rule.clauses.map((c) => describeClause(c, fields)).join(rule.match === 'all' ? ' and ' : ' or ');
}
