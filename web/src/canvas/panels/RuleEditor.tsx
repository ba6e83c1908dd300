import {
  OPERATOR_LABELS,
  OPERATORS_BY_TYPE,
  VALUELESS_OPERATORS,
  type Clause,
  type Operator,
  type Rule,
  type RuleField,
} from '@rolecall/workflows/graph';
import { ClauseValueInput } from './ClauseValueInput';

type Props = {
  id: string;
  rule: Rule;
  onChange: (rule: Rule) => void;
  /** The fields this rule may use, typed (ruleFields()); `retrieval.*` only after a Role Retrieval. */
  fields: readonly RuleField[];
  error?: string;
  readOnly?: boolean;
};

/** A sensible first value when a field or operator changes, so the clause stays valid. */
function firstValue(field: RuleField | undefined, op: Operator): Clause['value'] {
  if (VALUELESS_OPERATORS.includes(op)) return undefined;
  if (op === 'olderThanDays' || op === 'withinDays') return 90;
  if (op === 'in' || op === 'notIn') return [];
  if (field?.type === 'enum') return field.values?.[0];
  if (field?.type === 'boolean') return true;
  return '';
}

/**
 * Conditions as rows of field · operator · value. The field list comes typed from the
 * inventory, and each field offers only the operators the compiler accepts for its type.
 */
export function RuleEditor({ id, rule, onChange, fields, error, readOnly }: Props) {
  const fieldOf = (path: string) => fields.find((f) => f.path === path);
  const setClause = (i: number, clause: Clause) => onChange({ ...rule, clauses: rule.clauses.map((c, j) => (j === i ? clause : c)) });
  const pickField = (i: number, path: string) => {
    const field = fieldOf(path);
    const ops: readonly Operator[] = field ? OPERATORS_BY_TYPE[field.type] : [];
    const op = ops.includes(rule.clauses[i]!.op) ? rule.clauses[i]!.op : (ops[0] ?? 'eq');
    setClause(i, { field: path, op, value: firstValue(field, op) });
  };
  const pickOp = (i: number, op: Operator) => {
    const clause = rule.clauses[i]!;
    const keep = !VALUELESS_OPERATORS.includes(op) && (Array.isArray(clause.value) === (op === 'in' || op === 'notIn'));
    setClause(i, { ...clause, op, value: keep && clause.value !== undefined ? clause.value : firstValue(fieldOf(clause.field), op) });
  };
  const add = () => {
    const field = fields.find((f) => f.path === 'saasUser.lastLoginAt') ?? fields[0];
    if (!field) return;
    const op = OPERATORS_BY_TYPE[field.type][0]!;
    const first = field.path === 'saasUser.lastLoginAt' ? 'olderThanDays' : op;
    onChange({ ...rule, clauses: [...rule.clauses, { field: field.path, op: first, value: firstValue(field, first) }] });
  };

  return (
    <fieldset className={error ? 'rule-editor field-invalid' : 'rule-editor'}>
      <legend className="field-label">Conditions</legend>
      <div className="rule-match">
        <label htmlFor={`${id}-match`}>Users must match</label>
        <select id={`${id}-match`} className="input" value={rule.match} disabled={readOnly} onChange={(e) => onChange({ ...rule, match: e.target.value as Rule['match'] })}>
          <option value="all">all conditions</option>
          <option value="any">any condition</option>
        </select>
      </div>
      {rule.clauses.length === 0 && <p className="field-hint">No conditions: every user matches.</p>}
      <ol className="rule-clauses">
        {rule.clauses.map((clause, i) => {
          const field = fieldOf(clause.field);
          const ops: readonly Operator[] = field ? OPERATORS_BY_TYPE[field.type] : [clause.op];
          const rowId = `${id}-clause-${i}`;
          return (
            <li key={i} className="rule-clause" data-testid={`clause-${i}`}>
              <select id={`${rowId}-field`} className="input" aria-label={`Condition ${i + 1} field`} value={clause.field} disabled={readOnly} onChange={(e) => pickField(i, e.target.value)}>
                {!field && <option value={clause.field}>{clause.field} (unknown)</option>}
                {fields.map((f) => (
                  <option key={f.path} value={f.path}>
                    {f.label}
                  </option>
                ))}
              </select>
              <select id={`${rowId}-op`} className="input" aria-label={`Condition ${i + 1} operator`} value={clause.op} disabled={readOnly} onChange={(e) => pickOp(i, e.target.value as Operator)}>
                {ops.map((op) => (
                  <option key={op} value={op}>
                    {OPERATOR_LABELS[op]}
                  </option>
                ))}
              </select>
              {!VALUELESS_OPERATORS.includes(clause.op) && (
                <ClauseValueInput id={`${rowId}-value`} field={field} clause={clause} readOnly={readOnly} onChange={(value) => setClause(i, { ...clause, value })} />
              )}
              {!readOnly && (
                <button type="button" className="btn btn-sm btn-danger-quiet" aria-label={`Remove condition ${i + 1}`} onClick={() => onChange({ ...rule, clauses: rule.clauses.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <button type="button" className="btn btn-sm" onClick={add}>
          Add condition
        </button>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
