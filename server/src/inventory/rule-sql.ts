import type { Clause, Rule } from '@rolecall/workflows/graph';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Built-in rule fields → their column (saas_user `u`, person `p`) and how values compare. */
const COLUMNS: Record<string, { sql: string; kind: 'text' | 'date' }> = {
  'saasUser.externalId': { sql: 'u.external_id', kind: 'text' },
  'saasUser.email': { sql: 'u.email', kind: 'text' },
  'saasUser.username': { sql: 'u.username', kind: 'text' },
  'saasUser.firstName': { sql: 'u.first_name', kind: 'text' },
  'saasUser.lastName': { sql: 'u.last_name', kind: 'text' },
  'saasUser.role': { sql: 'u.role', kind: 'text' },
  'saasUser.status': { sql: 'u.status::text', kind: 'text' },
  'saasUser.lastLoginAt': { sql: 'u.last_login_at', kind: 'date' },
  'saasUser.vendorCreatedAt': { sql: 'u.vendor_created_at', kind: 'date' },
  'saasUser.deactivatedAt': { sql: 'u.deactivated_at', kind: 'date' },
  'person.email': { sql: 'p.email', kind: 'text' },
  'person.role': { sql: 'p.role', kind: 'text' },
  'person.status': { sql: 'p.status::text', kind: 'text' },
  'person.offboardedAt': { sql: 'p.offboarded_at', kind: 'date' },
};

const CUSTOM = /^(saasUser|person)\.custom\.([a-zA-Z][a-zA-Z0-9_]{0,62})$/;
// A custom datetime is text in jsonb: cast only what looks like an ISO date, so one bad value cannot fail the query.
const ISO_PREFIX = `'^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?$'`;

/** Collects positional parameters ($1, $2, …) of one statement. */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(private readonly offset = 0) {}
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.offset + this.values.length}`;
  }
}

/**
 * The SQL form of one clause, deciding exactly as `evaluateRule` does (see docs/blocks.md): text
 * compares case-insensitively, a value that is not set (NULL, "" or no person) is `empty` and
 * satisfies only `empty`, `neq` and `notIn`, a value of another type than the clause's matches
 * nothing but `notEmpty`, and day windows count from the run's clock `now`.
 */
function clauseSql(clause: Clause, p: SqlParams, now: Date): string {
  const custom = CUSTOM.exec(clause.field);
  const column = COLUMNS[clause.field];
  if (!custom && !column) throw new Error(`no column for rule field "${clause.field}"`);
  // j: the jsonb value (custom fields); t: its text (or the column); jt: its JSON type.
  const alias = custom?.[1] === 'person' ? 'p' : 'u';
  const j = custom ? `(${alias}.custom -> ${p.add(custom[2])})` : '';
  const t = custom ? `(${j} #>> '{}')` : column!.sql;
  const jt = custom ? `jsonb_typeof(${j})` : '';
  const isSet = custom ? `(${jt} IS NOT NULL AND ${jt} <> 'null' AND ${j} <> '""'::jsonb)` : column!.kind === 'text' ? `(${t} IS NOT NULL AND ${t} <> '')` : `(${t} IS NOT NULL)`;
  const isString = custom ? `${jt} = 'string'` : column!.kind === 'text' ? 'TRUE' : 'FALSE';
  const asDate = custom ? `(CASE WHEN ${jt} = 'string' AND ${t} ~ ${ISO_PREFIX} THEN ${t}::timestamptz END)` : column!.kind === 'date' ? t : 'NULL::timestamptz';
  const { op, value } = clause;

  const listHit = (values: readonly unknown[]): string => {
    const strings = values.filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase());
    const numbers = values.filter((v): v is number => typeof v === 'number');
    const booleans = values.filter((v): v is boolean => typeof v === 'boolean');
    const parts: string[] = [];
    if (strings.length) parts.push(`(${isString} AND lower(${t}) = ANY(${p.add(strings)}::text[]))`);
    if (custom && numbers.length) parts.push(`((CASE WHEN ${jt} = 'number' THEN (${t})::numeric END) = ANY(${p.add(numbers)}::numeric[]))`);
    if (custom && booleans.length) parts.push(`((CASE WHEN ${jt} = 'boolean' THEN (${t})::boolean END) = ANY(${p.add(booleans)}::boolean[]))`);
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  };
  const listComparable = (values: readonly unknown[]): string => {
    const types = new Set(values.map((v) => typeof v));
    const parts: string[] = [];
    if (types.has('string')) parts.push(isString);
    if (custom && types.has('number')) parts.push(`${jt} = 'number'`);
    if (custom && types.has('boolean')) parts.push(`${jt} = 'boolean'`);
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  };

  switch (op) {
    case 'empty':
      return `NOT ${isSet}`;
    case 'notEmpty':
      return isSet;
    case 'eq':
    case 'in':
      return `(${isSet} AND ${listHit(op === 'eq' ? [value] : Array.isArray(value) ? value : [])})`;
    case 'neq':
    case 'notIn': {
      const values = op === 'neq' ? [value] : Array.isArray(value) ? value : [];
      return `(NOT ${isSet} OR (${listComparable(values)} AND NOT ${listHit(values)}))`;
    }
    case 'contains':
    case 'startsWith': {
      if (typeof value !== 'string') return 'FALSE';
      const v = p.add(value.toLowerCase());
      const test = op === 'contains' ? `strpos(lower(${t}), ${v}) > 0` : `starts_with(lower(${t}), ${v})`;
      return `(${isSet} AND ${isString} AND ${test})`;
    }
    case 'gt':
    case 'lt': {
      const cmp = op === 'gt' ? '>' : '<';
      if (typeof value === 'number') return custom ? `((CASE WHEN ${jt} = 'number' THEN (${t})::numeric END) ${cmp} ${p.add(value)})` : 'FALSE';
      const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(at)) return 'FALSE';
      return `(${asDate} ${cmp} ${p.add(new Date(at).toISOString())}::timestamptz)`;
    }
    case 'olderThanDays':
    case 'withinDays': {
      if (typeof value !== 'number') return 'FALSE';
      const cutoff = p.add(new Date(now.getTime() - value * DAY_MS).toISOString());
      return op === 'olderThanDays' ? `(${asDate} < ${cutoff}::timestamptz)` : `(${asDate} >= ${cutoff}::timestamptz)`;
    }
  }
}

/**
 * A population rule as a parameterised WHERE condition over `saas_user u LEFT JOIN person p`,
 * so a run selects its population in Postgres instead of evaluating every SaaS user in the worker.
 * A rule without clauses is TRUE. NULL never leaks out: every clause is TRUE or FALSE.
 */
export function ruleToSql(rule: Rule, p: SqlParams, now: Date): string {
  if (rule.clauses.length === 0) return 'TRUE';
  const parts = rule.clauses.map((c) => `COALESCE(${clauseSql(c, p, now)}, FALSE)`);
  return `(${parts.join(rule.match === 'all' ? ' AND ' : ' OR ')})`;
}
