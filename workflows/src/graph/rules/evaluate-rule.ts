import { z } from 'zod';
import { OperatorSchema } from './operator.schema';
import type { Clause, Rule } from './rule.schema';
import type { RuleRecord } from './rule-record.schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How a clause was decided, so the UI can explain a result: `notSet` = the record has no value
 * (null, missing or ""), `notComparable` = the value is of another type than the clause's (text
 * in a number custom field, an unparseable date).
 */
export const ClauseReasonSchema = z.enum(['compared', 'notSet', 'notComparable']);

/** The outcome of one clause, with the value it saw. */
export const ClauseOutcomeSchema = z.object({
  index: z.number().int(),
  field: z.string(),
  op: OperatorSchema,
  actual: z.unknown(),
  matched: z.boolean(),
  reason: ClauseReasonSchema,
});
export type ClauseOutcome = z.infer<typeof ClauseOutcomeSchema>;

export const RuleOutcomeSchema = z.object({ matched: z.boolean(), clauses: z.array(ClauseOutcomeSchema) });
export type RuleOutcome = z.infer<typeof RuleOutcomeSchema>;

function readPath(record: RuleRecord, path: string): unknown {
  let at: unknown = record;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

// Strings compare case-insensitively: vendors and HR systems disagree on the case of emails and roles.
const same = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;

const dateMs = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : Number.NaN);

/** Decides a clause on a value that is set; undefined when the value cannot be compared. */
function decide(clause: Clause, actual: unknown, now: Date): boolean | undefined {
  const { op, value } = clause;
  const list = Array.isArray(value) ? value : [];
  switch (op) {
    case 'eq':
    case 'neq':
    case 'in':
    case 'notIn': {
      const wanted = op === 'eq' || op === 'neq' ? [value] : list;
      if (!wanted.some((w) => typeof w === typeof actual)) return undefined;
      const hit = wanted.some((w) => same(actual, w));
      return op === 'eq' || op === 'in' ? hit : !hit;
    }
    case 'contains':
    case 'startsWith': {
      if (typeof actual !== 'string' || typeof value !== 'string') return undefined;
      const [a, v] = [actual.toLowerCase(), value.toLowerCase()];
      return op === 'contains' ? a.includes(v) : a.startsWith(v);
    }
    case 'gt':
    case 'lt': {
      // A number value compares numbers; a string value is a date.
      const [a, v] = typeof value === 'number' ? [typeof actual === 'number' ? actual : Number.NaN, value] : [dateMs(actual), dateMs(value)];
      if (Number.isNaN(a) || Number.isNaN(v)) return undefined;
      return op === 'gt' ? a > v : a < v;
    }
    case 'olderThanDays':
    case 'withinDays': {
      const a = dateMs(actual);
      if (Number.isNaN(a) || typeof value !== 'number') return undefined;
      const cutoff = now.getTime() - value * DAY_MS;
      return op === 'olderThanDays' ? a < cutoff : a >= cutoff;
    }
    case 'empty':
      return false;
    case 'notEmpty':
      return true;
  }
}

/**
 * Evaluates one clause. A value that is not set is `empty`, differs from everything (`neq`,
 * `notIn` hold) and is neither older than nor within N days, nor before or after any date.
 */
export function evaluateClause(clause: Clause, index: number, record: RuleRecord, now: Date): ClauseOutcome {
  const actual = readPath(record, clause.field);
  const base = { index, field: clause.field, op: clause.op, actual: actual ?? null };
  if (actual === undefined || actual === null || actual === '') {
    return { ...base, matched: ['empty', 'neq', 'notIn'].includes(clause.op), reason: 'notSet' };
  }
  const matched = decide(clause, actual, now);
  return matched === undefined ? { ...base, matched: false, reason: 'notComparable' } : { ...base, matched, reason: 'compared' };
}

/**
 * Evaluates a rule on one record, explaining every clause. Pure and deterministic: `now` is
 * passed in (workflow code passes its replay-safe clock), never read here.
 */
export function evaluateRule(rule: Rule, record: RuleRecord, { now }: { now: Date }): RuleOutcome {
  const clauses = rule.clauses.map((c, i) => evaluateClause(c, i, record, now));
  if (clauses.length === 0) return { matched: true, clauses };
  const matched = rule.match === 'all' ? clauses.every((c) => c.matched) : clauses.some((c) => c.matched);
  return { matched, clauses };
}
