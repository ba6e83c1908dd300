import type { Clause, RuleField } from '@rolecall/workflows/graph';

type Props = { id: string; field: RuleField | undefined; clause: Clause; onChange: (value: Clause['value']) => void; readOnly?: boolean };

const LIST_OPS = new Set<Clause['op']>(['in', 'notIn']);
const DAY_OPS = new Set<Clause['op']>(['olderThanDays', 'withinDays']);

/** Text the admin typed back into a value of the field's type ("12" → 12 for numbers). */
function typed(field: RuleField | undefined, text: string): string | number | boolean {
  if (field?.type === 'number') return text.trim() === '' ? text : Number(text);
  if (field?.type === 'boolean') return text === 'true';
  return text;
}

/** The value box that fits the operator and field: days, a list, a date, yes/no, a choice or text. */
export function ClauseValueInput({ id, field, clause, onChange, readOnly }: Props) {
  const label = `Value for ${field?.label ?? clause.field}`;
  if (DAY_OPS.has(clause.op)) {
    return (
      <input
        id={id}
        className="input input-number"
        type="number"
        min={1}
        step={1}
        aria-label={`${label} (days)`}
        value={typeof clause.value === 'number' ? clause.value : ''}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  }
  if (LIST_OPS.has(clause.op)) {
    const items = Array.isArray(clause.value) ? clause.value : clause.value === undefined ? [] : [clause.value];
    return (
      <input
        id={id}
        className="input"
        aria-label={`${label} (comma-separated)`}
        placeholder="a, b, c"
        value={items.join(', ')}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value.split(',').map((s) => s.trim()).filter(Boolean).map((s) => typed(field, s)) as string[])}
      />
    );
  }
  if (field?.type === 'enum' || field?.type === 'boolean') {
    const options = field.type === 'boolean' ? ['true', 'false'] : (field.values ?? []);
    return (
      <select id={id} className="input" aria-label={label} value={clause.value === undefined ? '' : String(clause.value)} disabled={readOnly} onChange={(e) => onChange(typed(field, e.target.value))}>
        <option value="">Pick…</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {field.type === 'boolean' ? (o === 'true' ? 'yes' : 'no') : o}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      id={id}
      className="input"
      type={field?.type === 'date' ? 'date' : field?.type === 'number' ? 'number' : 'text'}
      aria-label={label}
      value={clause.value === undefined ? '' : String(clause.value)}
      disabled={readOnly}
      onChange={(e) => onChange(typed(field, e.target.value))}
    />
  );
}
